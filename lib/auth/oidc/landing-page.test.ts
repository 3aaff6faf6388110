import { describe, expect, it } from "vitest";
import { landingPage } from "./landing-page";

describe("post-sign-in landing page", () => {
  it("moves on with a meta refresh and no script", () => {
    const html = landingPage("/clusters/demo?kind=helmreleases&x=1");
    expect(html).toContain('content="0;url=/clusters/demo?kind=helmreleases&#38;x=1"');
    expect(html).not.toMatch(/<script/i);
  });

  it("cannot be broken out of", () => {
    const html = landingPage(`/a"><script>alert(1)</script>'`);
    expect(html).not.toContain("<script>");
    expect(html).not.toMatch(/"><s/);
  });
});
