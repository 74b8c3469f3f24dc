import { describe, expect, it } from "vitest";
import { defaultHtmlFile, linkify } from "../scripts/demo/html.ts";
import { wantsHelp } from "../scripts/lib/cli.ts";
import { manifestUrl } from "../scripts/lib/manifest-url.ts";

describe("the local tools' command lines", () => {
  it("take --help and -h as a request for the usage, not as an unknown option", () => {
    expect(wantsHelp(["--help"])).toBe(true);
    expect(wantsHelp(["slack", "-h"])).toBe(true);
    expect(wantsHelp(["slack", "/cop help"])).toBe(false);
    // After `--` it is an argument, e.g. a text that happens to be "--help".
    expect(wantsHelp(["slack", "--", "--help"])).toBe(false);
  });

  it("slack:manifest says it uses the local URL when no --url is given", () => {
    const local = { PUBLIC_URL: "http://127.0.0.1:8787" };
    expect(manifestUrl(undefined, {}, local)).toEqual({
      baseUrl: "http://127.0.0.1:8787",
      note: expect.stringContaining("No --url given: using the local URL http://127.0.0.1:8787"),
    });
    expect(manifestUrl(undefined, { PUBLIC_URL: "https://guyub.example.dev" }, local)).toEqual({
      baseUrl: "https://guyub.example.dev",
      note: expect.stringContaining(
        "using PUBLIC_URL https://guyub.example.dev (PUBLIC_URL from the environment)",
      ),
    });
    expect(manifestUrl("https://guyub.example.dev", {}, local)).toEqual({
      baseUrl: "https://guyub.example.dev",
    });
    expect(manifestUrl(undefined, {}, {})).toEqual({});
  });
});

describe("the demo's page", () => {
  it("makes links clickable, leaving a closing full stop or bracket as text, and escapes the rest", () => {
    expect(linkify("Join at https://meet.example/cop. <b>")).toBe(
      'Join at <a href="https://meet.example/cop" target="_blank" rel="noopener">https://meet.example/cop</a>. &lt;b&gt;',
    );
    expect(linkify("(https://meet.example/a?x=1&y=2)")).toBe(
      '(<a href="https://meet.example/a?x=1&amp;y=2" target="_blank" rel="noopener">https://meet.example/a?x=1&amp;y=2</a>)',
    );
    expect(linkify("no link here")).toBe("no link here");
  });

  it("writes the Indonesian month to its own file, not over the English one", () => {
    expect(defaultHtmlFile("en")).toBe("guyub-demo.html");
    expect(defaultHtmlFile("id")).toBe("guyub-demo.id.html");
  });
});
