#!/usr/bin/env bash
# Builds the Pulumi CLI that the end-to-end test of the Pulumi front end runs, from the released
# Go modules on the Go module proxy, into .tools/pulumi/bin, unless it is already there.
#
# `go install github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@VERSION` is refused because pkg/v3's
# go.mod replaces the sdk module with a local path. A throwaway wrapper module that requires pkg/v3
# and sdk/v3 at the same version builds the same command: replace directives of dependencies are
# ignored. The Node.js language host (pulumi-language-nodejs) has no release on the proxy, so the
# folder gets a small stand-in from test/pulumi/support/language-host.js instead, and the dynamic
# provider plugin comes from the @pulumi/pulumi package. Nothing is downloaded as a prebuilt binary.
set -euo pipefail

version=${PULUMI_VERSION:-v3.248.0}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.tools/pulumi/bin"
mkdir -p "$bin"

if [ ! -x "$bin/pulumi" ]; then
  echo "Building the Pulumi CLI $version into $bin (about 15 minutes on 2 cores the first time)" >&2
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cat > "$work/go.mod" <<MOD
module example.invalid/pulumi-cli

go 1.25.11

require (
	github.com/pulumi/pulumi/pkg/v3 $version
	github.com/pulumi/pulumi/sdk/v3 $version
)

// pkg/v3 carries this replace directive itself; a wrapper module has to repeat it.
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
  cat > "$work/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
  (
    cd "$work"
    GOFLAGS=-mod=mod go mod tidy
    nice -n 19 go build -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
      -o "$bin/pulumi.partial" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  )
  mv "$bin/pulumi.partial" "$bin/pulumi"
fi

cat > "$bin/pulumi-language-nodejs" <<SH
#!/bin/sh
exec node "$root/test/pulumi/support/language-host.js" "\$@"
SH
chmod +x "$bin/pulumi-language-nodejs"
ln -sf "$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" "$bin/pulumi-resource-pulumi-nodejs"

PULUMI_SKIP_UPDATE_CHECK=true "$bin/pulumi" version >&2
