import { Body, Container, Head, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = { backgroundColor: "#ffffff", fontFamily: "Arial, Helvetica, sans-serif", color: "#0b0c0c" };
const container = { maxWidth: "580px", padding: "24px" };
const footer = { fontSize: "14px", color: "#505a5f" };

export function EmailLayout(props: { preview: string; footer: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          {props.children}
          <Hr />
          <Text style={footer}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#00703c",
  color: "#ffffff",
  padding: "10px 16px",
  fontWeight: "bold",
  textDecoration: "none",
  display: "inline-block",
};

/** The partnership's name, shown above the heading so people see at once which partnership a message is about. */
export const captionStyle = { fontSize: "16px", color: "#505a5f", margin: "0" };
