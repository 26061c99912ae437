#!/bin/sh
# Copies the working tree (without node_modules/.next/data) into /tmp/pm-e2e for an isolated e2e run.
set -e
cd /work/main
tar --exclude=./node_modules --exclude='./.next*' --exclude=./data --exclude=./test-results --exclude=./playwright-report --exclude=./.git --exclude=./.scratch-profiles --exclude=./e2e/screenshots -cf - . | tar -xf - -C /tmp/pm-e2e
cd /tmp/pm-e2e
sed -i 's/type Env = Readonly<Record<string, string | undefined>>;/type Env = { readonly [key: string]: string | undefined } | NodeJS.ProcessEnv;/' lib/data/read-access.ts
