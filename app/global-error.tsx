"use client";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: 40 }}>
        <h1>Fluxtower failed to render</h1>
        <p>Reload the page; if it keeps failing, the server log has the details.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
