#!/bin/bash
# Records real npm 10 (npm i --prefix /tmp/npm10 npm@10.9.2) in scratch directories, with npm's default config;
# the outputs are copied to src/engine/runtime/packages/npm-registry/testdata/.
# record scenario: name, files setup done by caller
NPM=/tmp/npm10/node_modules/.bin/npm
OUT=/tmp/npm10/out
mkdir -p $OUT
run() { # name dir cmd...
  local name=$1 dir=$2; shift 2
  (cd $dir && "$NPM" "$@" >$OUT/$name.stdout 2>$OUT/$name.stderr; echo $? > $OUT/$name.code)
}
S=/tmp/npm10/s; rm -rf $S; mkdir -p $S
export npm_config_cache=/tmp/npm10/cache npm_config_update_notifier=false npm_config_userconfig=/tmp/npm10/empty-npmrc
# 1 express 4 from package.json
mkdir $S/a && echo '{"name":"web","version":"1.0.0","dependencies":{"express":"^4.21.2"}}' > $S/a/package.json
run install-express4 $S/a install; cp $S/a/package-lock.json $OUT/install-express4.lock.json; cp $S/a/node_modules/.package-lock.json $OUT/install-express4.hidden-lock.json
run install-uptodate $S/a install
rm -rf $S/a/node_modules; run ci-express4 $S/a ci
# 2 npm install express@4 into an npm-init package
mkdir $S/b && echo '{"name":"b","version":"1.0.0","main":"index.js","license":"ISC"}' > $S/b/package.json
run install-name $S/b install express@4 cors; cp $S/b/package.json $OUT/install-name.package.json; cp $S/b/package-lock.json $OUT/install-name.lock.json
# 3 404
run install-404 $S/b install left-pad-layerlab-missing
# 4 ci without lock
mkdir $S/c && echo '{"name":"c","version":"1.0.0","dependencies":{"lodash":"^4"}}' > $S/c/package.json
run ci-nolock $S/c ci
# 5 notarget
run install-notarget $S/c install express@4.0.99
# 6 mixed with dev and nodemon, conflicts (debug@4 at root vs express4's debug 2)
mkdir $S/d && echo '{"name":"d","version":"1.0.0","dependencies":{"express":"^4.21.2","debug":"^4","chalk":"^4.1.2","axios":"^1"},"devDependencies":{"nodemon":"^3"}}' > $S/d/package.json
run install-mixed $S/d install; cp $S/d/package-lock.json $OUT/install-mixed.lock.json
# 7 express 5 with --omit=dev
mkdir $S/e && echo '{"name":"e","version":"1.0.0","dependencies":{"express":"^5"}}' > $S/e/package.json
run install-express5 $S/e install; cp $S/e/package-lock.json $OUT/install-express5.lock.json
