import { meetingTypeLabels, meetingTypes } from "../rules/vocabulary";
import { DateField, SelectField, TextField } from "../../../platform/ui/forms";
import type { useFormResult } from "../../../platform/ui/use-form-result";

type Saved = { type?: string; title?: string; date?: string; startTime?: string; endTime?: string; location?: string | null; onlineLink?: string | null };

/** What, when and where: shared by the schedule and change forms. */
export function MeetingFields({ f, saved = {} }: { f: ReturnType<typeof useFormResult>; saved?: Saved }) {
  return (
    <>
      <SelectField name="type" label="Kind of meeting" defaultValue={f.value("type", saved.type ?? "board")} error={f.errors?.type} options={meetingTypes.map((t) => ({ value: t, label: meetingTypeLabels[t] }))} />
      <TextField name="title" label="Title" hint="For example: Board meeting, or Contract review (winter)." defaultValue={f.value("title", saved.title)} error={f.errors?.title} />
      <DateField name="date" label="Date" defaultValue={f.value("date", saved.date)} error={f.errors?.date} />
      <TextField name="startTime" label="Starts at" hint="London time, 24-hour clock, for example 14:00." type="time" className="govuk-input--width-5" defaultValue={f.value("startTime", saved.startTime ?? "10:00")} error={f.errors?.startTime} />
      <TextField name="endTime" label="Ends at" type="time" className="govuk-input--width-5" defaultValue={f.value("endTime", saved.endTime ?? "12:00")} error={f.errors?.endTime} />
      <TextField name="location" label="Place (optional if online)" defaultValue={f.value("location", saved.location)} error={f.errors?.location} />
      <TextField name="onlineLink" label="Online meeting link (optional)" hint="The full https:// address of the video call." type="url" spellCheck={false} defaultValue={f.value("onlineLink", saved.onlineLink)} error={f.errors?.onlineLink} />
    </>
  );
}
