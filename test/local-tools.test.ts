import { describe, expect, it } from "vitest";
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
