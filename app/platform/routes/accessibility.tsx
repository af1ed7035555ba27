import type { Route } from "./+types/accessibility";

// The accessibility statement: what UK public-sector bodies publish for each
// service (Public Sector Bodies Accessibility Regulations 2018). Static: no
// loader, no database, so it is also the cheapest page in the layout (the
// benchmark's floor).

export const meta: Route.MetaFunction = () => [{ title: "Accessibility statement – Partnership governance" }];

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Accessibility statement</h1>
        <p className="govuk-body">
          This statement applies to the partnership governance platform: the pages board members, partner representatives, secretariats, scrutiny members and
          young people use to run and oversee public-service partnerships.
        </p>
        <p className="govuk-body">We want as many people as possible to be able to use it. You should be able to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>use every page on a phone 390 pixels wide, with targets large enough for a thumb</li>
          <li>navigate and complete every form using just a keyboard</li>
          <li>navigate with a screen reader: every field has a label, errors are listed at the top of the form and linked to the field</li>
          <li>leave the young people&apos;s portal quickly with the &quot;Exit this page&quot; button</li>
        </ul>
        <h2 className="govuk-heading-l">How accessible this service is</h2>
        <p className="govuk-body">
          We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to level AA. The pages are built from the GOV.UK Design System&apos;s
          components, which are tested with assistive technologies.
        </p>
        <p className="govuk-body">Some parts may not be fully accessible:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>papers uploaded to meetings are the partners&apos; own documents (PDF or Office files) and may not be accessible</li>
          <li>the printed minutes follow the screen layout and have not been tested with every print-to-PDF tool</li>
        </ul>
        <h2 className="govuk-heading-l">How we test</h2>
        <p className="govuk-body">
          Every page a chair, a partner representative and a young person can reach is checked automatically with axe-core at desktop width (1280 pixels) and
          phone width (390 pixels) on each change, and the main tasks (signing in, running a meeting, recording a decision, submitting a return) are tested in a
          real browser using the keyboard.
        </p>
        <h2 className="govuk-heading-l">Feedback and reporting problems</h2>
        <p className="govuk-body">
          If you find a problem, or need a page or paper in another format, contact your partnership&apos;s secretariat: they can send it to you in a format
          you can use and pass the problem on to us. We aim to reply within 5 working days.
        </p>
        <h2 className="govuk-heading-l">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond
          to your complaint, contact the Equality Advisory and Support Service (EASS).
        </p>
      </div>
    </div>
  );
}
