/**
 * The Alpine package index apk works from: the packages tutorials add and their dependencies, with Alpine
 * 3.20's x86_64 versions and dependencies (https://pkgs.alpinelinux.org/packages?branch=v3.20&arch=x86_64, late
 * 2024; installed sizes rounded to 4 KiB, approximate for the larger packages), and the fourteen packages of the
 * alpine:3.20 image. Other branches use 3.20's rows (their APKINDEX URLs and branch
 * names still follow /etc/apk/repositories). One row per package: name|version|installed size (bytes)|
 * dependencies|programs|repository ("community" or main).
 */

export interface ApkPackage {
  name: string;
  version: string;
  installed: number;
  depends: string[];
  programs: string[];
  community: boolean;
}

const ROWS = `
alpine-baselayout|3.6.5-r0|12288|alpine-baselayout-data||
alpine-baselayout-data|3.6.5-r0|20480|||
alpine-keys|2.4-r1|73728|||
apk-tools|2.14.4-r1|258048|musl ca-certificates-bundle libcrypto3 libssl3 zlib|/sbin/apk|
busybox|1.36.1-r29|946176|musl|/bin/busybox|
busybox-binsh|1.36.1-r29|4096|busybox||
ca-certificates-bundle|20240705-r0|233472|||
libcrypto3|3.3.2-r1|4722688|musl||
libssl3|3.3.2-r1|774144|musl libcrypto3||
musl|1.2.5-r0|634880|||
musl-utils|1.2.5-r0|102400|musl scanelf|/usr/bin/ldd|
scanelf|1.3.7-r2|81920|musl|/usr/bin/scanelf|
ssl_client|1.36.1-r29|20480|musl libcrypto3 libssl3|/usr/bin/ssl_client|
zlib|1.3.1-r1|102400|musl||
curl|8.11.0-r2|270336|ca-certificates brotli-libs c-ares libcurl libidn2 libpsl nghttp2-libs zstd-libs|/usr/bin/curl|
libcurl|8.11.0-r2|745472|brotli-libs c-ares libidn2 libpsl nghttp2-libs zlib zstd-libs||
ca-certificates|20240705-r0|696320|busybox|/usr/sbin/update-ca-certificates|
brotli-libs|1.1.0-r2|798720|musl||
c-ares|1.33.1-r0|200704|musl||
libidn2|2.3.7-r0|196608|libunistring||
libunistring|1.2-r0|1802240|musl||
libpsl|0.21.5-r1|28672|libidn2 libunistring||
nghttp2-libs|1.62.1-r0|167936|musl||
zstd-libs|1.5.6-r0|659456|musl||
wget|1.24.5-r0|491520|libidn2 libunistring libssl3 pcre2 zlib|/usr/bin/wget|
git|2.45.2-r0|14528512|libcurl libexpat pcre2 zlib|/usr/bin/git /usr/bin/git-shell /usr/bin/git-receive-pack /usr/bin/git-upload-archive /usr/bin/git-upload-pack|
libexpat|2.6.4-r0|163840|musl||
pcre2|10.43-r0|724992|musl||
bash|5.2.26-r0|1314816|readline ncurses-terminfo-base|/bin/bash|
readline|8.2.10-r0|274432|libncursesw||
libncursesw|6.4_p20240420-r2|430080|ncurses-terminfo-base||
ncurses-terminfo-base|6.4_p20240420-r2|28672|||
python3|3.12.8-r1|56360960|libbz2 libexpat libffi gdbm mpdecimal libpanelw readline sqlite-libs xz-libs|/usr/bin/python3 /usr/bin/python3.12 /usr/bin/pydoc3|
libbz2|1.0.8-r6|77824|musl||
libffi|3.4.6-r0|45056|musl||
gdbm|1.23-r1|192512|musl||
mpdecimal|4.0.0-r0|253952|musl||
libpanelw|6.4_p20240420-r2|20480|libncursesw||
sqlite-libs|3.45.3-r1|1499136|musl||
xz-libs|5.6.2-r0|208896|musl||
py3-pip|24.0-r2|11522048|python3 py3-setuptools|/usr/bin/pip /usr/bin/pip3 /usr/bin/pip3.12|community
py3-setuptools|70.3.0-r0|4382720|python3||
py3-pip-pyc|24.0-r2|9015296|py3-pip||community
nodejs|20.15.1-r0|45154304|ca-certificates brotli-libs c-ares icu-libs libcrypto3 libssl3 nghttp2-libs zlib libstdc++ libgcc|/usr/bin/node|
npm|10.8.0-r0|9674752|nodejs|/usr/bin/npm /usr/bin/npx|
icu-libs|74.2-r0|2412544|icu-data-en||
icu-data-en|74.2-r0|872448|||
libstdc++|13.2.1_git20240309-r0|2654208|libgcc||
libgcc|13.2.1_git20240309-r0|163840|musl||
build-base|0.5-r3|4096|binutils file fortify-headers g++ gcc libc-dev make patch||
binutils|2.42-r0|7766016|libctf jansson zstd-libs zlib|/usr/bin/ld /usr/bin/as /usr/bin/ar /usr/bin/strip /usr/bin/objdump|
libctf|2.42-r0|1187840|musl||
jansson|2.14-r4|77824|musl||
file|5.45-r1|49152|libmagic|/usr/bin/file|
libmagic|5.45-r1|8388608|musl||
fortify-headers|1.1-r3|98304|||
gcc|13.2.1_git20240309-r0|136798208|binutils isl26 libatomic libgomp libgphobos mpc1 mpfr4 gmp libstdc++ libgcc|/usr/bin/gcc /usr/bin/cc /usr/bin/cpp|
g++|13.2.1_git20240309-r0|45604864|gcc libstdc++-dev musl-dev|/usr/bin/g++ /usr/bin/c++|
libstdc++-dev|13.2.1_git20240309-r0|15998976|libstdc++||
isl26|0.26-r1|4087808|gmp||
libatomic|13.2.1_git20240309-r0|28672|musl||
libgomp|13.2.1_git20240309-r0|315392|musl||
libgphobos|13.2.1_git20240309-r0|8347648|libgcc||
mpc1|1.3.1-r1|143360|gmp mpfr4||
mpfr4|4.2.1-r0|2985984|gmp||
gmp|6.3.0-r1|425984|musl||
libc-dev|0.7.2-r5|4096|musl-dev||
musl-dev|1.2.5-r0|4919296|musl||
make|4.4.1-r2|270336|musl|/usr/bin/make|
patch|2.7.6-r10|118784|musl|/usr/bin/patch|
tini|0.19.0-r3|24576|musl|/sbin/tini|community
tzdata|2024b-r0|1478656|||
jq|1.7.1-r0|299008|oniguruma|/usr/bin/jq|
oniguruma|6.9.9-r0|524288|musl||
openssl|3.3.2-r1|823296|libcrypto3 libssl3|/usr/bin/openssl|
nginx|1.26.2-r0|1327104|pcre2 zlib libssl3 libcrypto3|/usr/sbin/nginx|
go|1.22.10-r0|215142400|binutils|/usr/bin/go /usr/bin/gofmt|community
vim|9.1.0414-r0|3502080|xxd libncursesw vim-common|/usr/bin/vim /usr/bin/vimdiff|
vim-common|9.1.0414-r0|37257216|||
xxd|9.1.0414-r0|24576|musl|/usr/bin/xxd|
nano|8.0-r0|626688|libncursesw|/usr/bin/nano /usr/bin/rnano|
openssh-client-default|9.7_p1-r4|4096|openssh-client-common openssh-keygen|/usr/bin/ssh /usr/bin/scp /usr/bin/sftp|
openssh-client-common|9.7_p1-r4|856064|libcrypto3 zlib||
openssh-keygen|9.7_p1-r4|458752|libcrypto3|/usr/bin/ssh-keygen|
postgresql16-client|16.6-r0|2076672|libpq readline|/usr/libexec/postgresql16/psql|
libpq|16.6-r0|344064|libssl3 libcrypto3||
sqlite|3.45.3-r1|151552|sqlite-libs readline|/usr/bin/sqlite3|
htop|3.3.0-r0|221184|libncursesw|/usr/bin/htop|
su-exec|0.2-r3|28672|musl|/sbin/su-exec|
shadow|4.15.1-r0|1933312|linux-pam|/usr/sbin/useradd /usr/sbin/groupadd /usr/sbin/usermod|
linux-pam|1.6.0-r0|1589248|musl||
coreutils|9.5-r1|1044480|coreutils-env coreutils-fmt coreutils-sha512sum acl-libs libattr skalibs-libs utmps-libs|/bin/coreutils|
coreutils-env|9.5-r1|28672|||
coreutils-fmt|9.5-r1|28672|||
coreutils-sha512sum|9.5-r1|28672|||
acl-libs|2.3.2-r0|36864|musl||
libattr|2.5.2-r0|24576|musl||
skalibs-libs|2.14.1.1-r0|221184|musl||
utmps-libs|0.1.2.2-r1|45056|skalibs-libs||
gcompat|1.1.0-r4|61440|musl-obstack libucontext|/lib/ld-linux-x86-64.so.2|
libc6-compat|1.2.5-r0|4096|musl||
musl-obstack|1.2.3-r2|28672|musl||
libucontext|1.2-r3|32768|musl||
dumb-init|1.2.5-r3|69632|musl|/usr/bin/dumb-init|community
gnupg|2.4.5-r0|4096|gnupg-dirmngr gpg gpg-agent gpgsm gpgv pinentry||
gpg|2.4.5-r0|1036288|libgcrypt libgpg-error npth sqlite-libs zlib bzip2|/usr/bin/gpg|
gpg-agent|2.4.5-r0|540672|libassuan libgcrypt libgpg-error npth|/usr/bin/gpg-agent|
gnupg-dirmngr|2.4.5-r0|708608|gnutls libassuan libgcrypt libgpg-error libksba npth|/usr/bin/dirmngr|
gpgsm|2.4.5-r0|446464|libassuan libgcrypt libgpg-error libksba npth|/usr/bin/gpgsm|
gpgv|2.4.5-r0|405504|libgcrypt libgpg-error|/usr/bin/gpgv|
pinentry|1.3.0-r0|94208|libassuan libgpg-error libncursesw|/usr/bin/pinentry|
libgcrypt|1.10.3-r0|1187840|libgpg-error||
libgpg-error|1.49-r0|282624|musl||
libassuan|2.5.7-r0|102400|libgpg-error||
libksba|1.6.6-r0|266240|libgpg-error||
npth|1.6-r4|28672|musl||
bzip2|1.0.8-r6|307200|libbz2|/usr/bin/bzip2|
gnutls|3.8.5-r0|1949696|libtasn1 nettle p11-kit libunistring libidn2||
libtasn1|4.19.0-r2|90112|musl||
nettle|3.9.1-r0|557056|gmp||
p11-kit|0.25.3-r0|1310720|libffi libtasn1||
less|643-r2|299008|libncursesw|/usr/bin/less|
openjdk17-jre-headless|17.0.13_p11-r0|194502656|java-common java-cacerts|/usr/lib/jvm/java-17-openjdk/bin/java|community
java-common|0.5-r0|4096|||community
java-cacerts|1.0-r1|4096|ca-certificates||community
`;

/** The packages alpine:3.20's minirootfs has. */
export const ALPINE_BASE = ['alpine-baselayout', 'alpine-baselayout-data', 'alpine-keys', 'apk-tools', 'busybox', 'busybox-binsh', 'ca-certificates-bundle', 'libcrypto3', 'libssl3', 'musl', 'musl-utils', 'scanelf', 'ssl_client', 'zlib'];

let parsed: Map<string, ApkPackage> | null = null;

export function apkIndex(): Map<string, ApkPackage> {
  if (parsed) return parsed;
  parsed = new Map();
  for (const line of ROWS.split('\n')) {
    if (!line) continue;
    const [name, version, size, deps, programs, repo] = line.split('|');
    parsed.set(name, { name, version, installed: Number(size), depends: deps ? deps.split(' ') : [], programs: programs ? programs.split(' ') : [], community: repo === 'community' });
  }
  return parsed;
}
