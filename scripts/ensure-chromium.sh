#!/bin/sh
# The browser test (test/browser-report.test.ts) drives Debian's chromium through
# playwright-core; no browser is ever downloaded. `npm test` runs this first: it
# installs chromium with apt-get when it is missing and it can (as root, on
# Debian or Ubuntu), and otherwise says loudly that the browser test will be skipped.
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $chromium is missing; installing Debian's chromium for the browser test" >&2
  if apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium </dev/null >&2; then exit 0; fi
fi
echo "" >&2
echo "************************************************************************" >&2
echo "ensure-chromium: no chromium at $chromium and it could not be installed" >&2
echo "(run as root, or: sudo apt-get install chromium). THE BROWSER TEST OF THE" >&2
echo "HTML REPORT WILL BE SKIPPED; every other test runs." >&2
echo "************************************************************************" >&2
exit 0
