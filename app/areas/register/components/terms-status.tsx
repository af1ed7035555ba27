import { formatDate } from "../../../platform/time/dates";
import { Tag } from "../../../platform/ui/forms";

/** Draft, in force, approved for a later date, or superseded: judged against today. */
export function TermsStatusTag({ status, effectiveFrom, inForce }: { status: string; effectiveFrom: string | null; inForce: boolean }) {
  if (status === "draft") return <Tag colour="yellow">Draft</Tag>;
  if (inForce) return <Tag colour="green">In force</Tag>;
  if (status === "approved") return <Tag colour="blue">Takes effect {formatDate(effectiveFrom)}</Tag>;
  return <Tag colour="grey">Superseded</Tag>;
}
