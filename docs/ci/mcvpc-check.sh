#!/bin/sh
# mcvpc check for CI, the plain-shell recipe (docs/ci/README.md). Writes SARIF 2.1.0 to
# $MCVPC_SARIF (default mcvpc.sarif) for code scanning, prints the text report, and exits with
# check's code: 0 clean, 1 problems, 2 drift, 3 unknown (the most serious wins).
#
# Credentials come from the environment, set from the CI's secrets and never written to a file:
#   ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET   (with them: drift is checked too)
# Other settings:
#   MCVPC        the command (default: npx --no-install mcvpc)
#   MCVPC_SARIF  where the SARIF goes (default: mcvpc.sarif)
#   arguments    the paths to check (default: .)
set -u
MCVPC=${MCVPC:-npx --no-install mcvpc}
SARIF=${MCVPC_SARIF:-mcvpc.sarif}
LIVE=
if [ -n "${ALIBABA_CLOUD_ACCESS_KEY_ID:-}" ] && [ -n "${ALIBABA_CLOUD_ACCESS_KEY_SECRET:-}" ]; then LIVE=--live; fi
[ "$#" -gt 0 ] || set -- .

# The SARIF for the code-scanning upload; its exit code is the gate.
$MCVPC check --format sarif $LIVE "$@" > "$SARIF"
code=$?
# The same findings in words, for the job's log (a second run: the cloud is read again, cheaply).
$MCVPC check $LIVE "$@" || true
case $code in
  0) echo "mcvpc check: clean" ;;
  1) echo "mcvpc check: problems (exit 1)" ;;
  2) echo "mcvpc check: drift (exit 2)" ;;
  3) echo "mcvpc check: some links could not be checked (exit 3)" ;;
  *) echo "mcvpc check: failed (exit $code)" ;;
esac
exit $code
