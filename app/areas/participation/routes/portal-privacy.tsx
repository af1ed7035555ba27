import { Link } from "react-router";

export const meta = () => [{ title: "How we use your information – Have your say" }];

// The privacy information in words a 10-year-old can follow, at the point of use
// (ICO Age Appropriate Design Code, standard 4: transparency).
export default function PortalPrivacy() {
  return (
    <>
      <h1 className="govuk-heading-l">How we use your information</h1>
      <h2 className="govuk-heading-m">What we keep</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>the made-up name you chose and your age group, like ‘13 to 15’</li>
        <li>what you agreed to, and when</li>
        <li>what you write here</li>
      </ul>
      <p className="govuk-body">We do not ask for your real name, your email, your phone number, your birthday or where you are.</p>
      <h2 className="govuk-heading-m">Who sees it</h2>
      <p className="govuk-body">Your participation worker sees your portal name and what you write. The board and other adults only see numbers, like ‘fewer than 5 young people’, and your words only if you said they can quote you.</p>
      <h2 className="govuk-heading-m">What you can do</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <Link className="govuk-link" to="/portal/consent">
            change what you agreed to, or stop taking part
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/portal/my-data">
            see and download everything we keep about you, or delete your account
          </Link>
        </li>
      </ul>
      <p className="govuk-body">We never show you adverts, we do not track you, and we do not use what you write to guess things about you.</p>
    </>
  );
}
