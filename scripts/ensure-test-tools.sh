#!/bin/sh
# Two tests drive Debian programs, never downloaded ones: the browser test of the
# HTML report (test/browser-report.test.ts) drives chromium through playwright-core,
# and the README's GNU parallel recipe (test/batch-shards.test.ts) runs `parallel`.
# `npm test` runs this first: it installs what is missing with apt-get when it can
# (as root, on Debian or Ubuntu), and otherwise says loudly which test will be skipped.
chromium="${CHROMIUM:-/usr/bin/chromium}"
missing=""
[ -x "$chromium" ] || missing=" chromium"
# (GNU parallel: moreutils has another program of that name, which the recipe cannot use)
parallel --version 2>/dev/null | grep -q 'GNU parallel' || missing="$missing parallel"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: installing Debian's$missing for the tests that drive them" >&2
  # shellcheck disable=SC2086 # one word per package
  if apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y $missing </dev/null >&2; then exit 0; fi
fi
echo "" >&2
echo "************************************************************************" >&2
echo "ensure-test-tools: missing and not installable here:$missing" >&2
echo "(run as root, or: sudo apt-get install$missing). The browser test of the" >&2
echo "HTML report needs chromium, the GNU parallel recipe test needs parallel;" >&2
echo "THOSE TESTS WILL BE SKIPPED; every other test runs." >&2
echo "************************************************************************" >&2
exit 0
