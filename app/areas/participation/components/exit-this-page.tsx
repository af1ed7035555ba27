import { useEffect, useRef } from "react";

// GOV.UK's "Exit this page" pattern, on every portal page: one tap (or Shift
// pressed three times within five seconds) swaps the page for a weather page
// and leaves nothing to go "back" to. Without JavaScript it is a plain link.
export const EXIT_TO = "https://www.bbc.co.uk/weather";

function leave() {
  document.body.classList.add("app-exiting");
  document.title = "Exiting page";
  window.location.replace(EXIT_TO);
}

export function ExitThisPage() {
  const presses = useRef<number[]>([]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Shift" || e.repeat) return;
      const now = Date.now();
      presses.current = [...presses.current.filter((t) => now - t < 5000), now];
      if (presses.current.length >= 3) leave();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div className="govuk-exit-this-page app-exit-this-page">
      <a
        href={EXIT_TO}
        role="button"
        draggable={false}
        className="govuk-button govuk-button--warning govuk-exit-this-page__button"
        rel="nofollow noreferrer"
        onClick={(e) => {
          e.preventDefault();
          leave();
        }}
      >
        <span className="govuk-visually-hidden">Emergency</span> Exit this page
      </a>
    </div>
  );
}
