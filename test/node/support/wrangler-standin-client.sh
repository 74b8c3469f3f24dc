#!/usr/bin/env bash
# The wrangler stand-in as setup's tests run it: this call (its arguments, working folder, the
# variables the stand-in reads and its standard input) goes to wrangler-standin.mjs served by the
# test process on WRANGLER_STANDIN_PORT, which answers with the exit code, stdout and stderr. A
# bash start costs milliseconds where a Node start costs about 0.15 s of CPU, and setup's tests make
# some 500 wrangler calls. Fields travel NUL-separated (no argument or value holds a NUL).
set -u
input="$(cat; printf x)"
input="${input%x}"
exec 3<>"/dev/tcp/127.0.0.1/${WRANGLER_STANDIN_PORT:?the test process serves the stand-in}"
field() { printf '%s\0' "$1"; }
var() { if [ -n "${!1+set}" ]; then field "1${!1}"; else field "0"; fi; }
{
  field "$#"
  field "$PWD"
  var WRANGLER_STANDIN_WORLD
  var WRANGLER_STANDIN_FAIL
  var CLOUDFLARE_ACCOUNT_ID
  var WRANGLER_OUTPUT_FILE_PATH
  field "$input"
  for arg in "$@"; do field "$arg"; done
} >&3
IFS= read -r -d '' code <&3
IFS= read -r -d '' out <&3
IFS= read -r -d '' err <&3
printf '%s' "$out"
printf '%s' "$err" >&2
exit "$code"
