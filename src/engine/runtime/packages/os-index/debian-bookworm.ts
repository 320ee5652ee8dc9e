/**
 * Debian 12 (bookworm) packages: the ones tutorials install and their dependencies, recorded from the Debian
 * archive's package lists by scripts/record-debian-index.ts (do not edit by hand). One row per package:
 * name|version|installed size (KiB)|download size (bytes)|depends|recommends|programs|flags ("base": the
 * official debian:bookworm image has it; "same": Multi-Arch: same, apt names it name:amd64).
 */
export const BOOKWORM_ROWS = `
adduser|3.134|686|183272|passwd||/usr/sbin/adduser /usr/sbin/deluser /usr/sbin/addgroup /usr/sbin/delgroup|base
alsa-topology-conf|1.2.5.1-2|420|15172||||
alsa-ucm-conf|1.2.8-1|689|51696|libasound2|||
appstream|0.16.1-2+b1|2503|407020|shared-mime-info libappstream4 libc6 libglib2.0-0||/usr/bin/appstreamcli|
apt|2.6.2|4232|1373116|adduser gpgv libapt-pkg6.0 debian-archive-keyring libc6 libgcc-s1 libgnutls30 libseccomp2 libstdc++6 libsystemd0|ca-certificates|/usr/bin/apt /usr/bin/apt-cache /usr/bin/apt-cdrom /usr/bin/apt-config /usr/bin/apt-get /usr/bin/apt-key /usr/bin/apt-mark|base
apt-transport-https|2.6.2|35|25604|apt|||
apt-utils|2.6.2|1037|309596|apt libapt-pkg6.0 libc6 libdb5.3 libgcc-s1 libstdc++6|||
base-files|12.4+deb12u15|341|70936|mawk|||base
bash|5.2.15-2+b13|7164|1490652|libc6 libtinfo6 base-files debianutils|bash-completion|/bin/bash /usr/bin/bashbug /usr/bin/clear_console /bin/rbash|base
bash-completion|1:2.11-6|1463|233912||||
bind9-dnsutils|1:9.18.49-1~deb12u3|501|158488|bind9-host bind9-libs libc6 libedit2 libidn2-0 libjemalloc2 libkrb5-3 libprotobuf-c1||/usr/bin/dig /usr/bin/nslookup /usr/bin/host|
bind9-host|1:9.18.49-1~deb12u3|147|57620|bind9-libs libc6 libidn2-0 libjemalloc2|||
bind9-libs|1:9.18.49-1~deb12u3|3509|1185996|libuv1 libc6 libfstrm0 libgssapi-krb5-2 libjemalloc2 libjson-c5 libkrb5-3 liblmdb0 libmaxminddb0 libnghttp2-14 libprotobuf-c1 libssl3 libxml2 zlib1g|||same
binutils|2.40-2|109|64980|binutils-common libbinutils binutils-x86-64-linux-gnu||/usr/bin/addr2line /usr/bin/ar /usr/bin/as /usr/bin/c++filt /usr/bin/dwp /usr/bin/elfedit /usr/bin/gold /usr/bin/gp-archive /usr/bin/gp-collect-app /usr/bin/gp-display-html /usr/bin/gp-display-src /usr/bin/gp-display-text /usr/bin/gprof /usr/bin/gprofng /usr/bin/ld /usr/bin/ld.bfd /usr/bin/ld.gold /usr/bin/nm /usr/bin/objcopy /usr/bin/objdump /usr/bin/ranlib /usr/bin/readelf /usr/bin/size /usr/bin/strings /usr/bin/strip|
binutils-common|2.40-2|15021|2486664||||same
binutils-x86-64-linux-gnu|2.40-2|11428|2245848|binutils-common libbinutils libc6 libctf-nobfd0 libctf0 libgcc-s1 libgprofng0 libjansson4 libstdc++6 libzstd1 zlib1g||/usr/bin/x86_64-linux-gnu-addr2line /usr/bin/x86_64-linux-gnu-ar /usr/bin/x86_64-linux-gnu-as /usr/bin/x86_64-linux-gnu-c++filt /usr/bin/x86_64-linux-gnu-dwp /usr/bin/x86_64-linux-gnu-elfedit /usr/bin/x86_64-linux-gnu-gp-archive /usr/bin/x86_64-linux-gnu-gp-collect-app /usr/bin/x86_64-linux-gnu-gp-display-html /usr/bin/x86_64-linux-gnu-gp-display-src /usr/bin/x86_64-linux-gnu-gp-display-text /usr/bin/x86_64-linux-gnu-gprof /usr/bin/x86_64-linux-gnu-gprofng /usr/bin/x86_64-linux-gnu-ld.bfd /usr/bin/x86_64-linux-gnu-ld.gold /usr/bin/x86_64-linux-gnu-nm /usr/bin/x86_64-linux-gnu-objcopy /usr/bin/x86_64-linux-gnu-objdump /usr/bin/x86_64-linux-gnu-ranlib /usr/bin/x86_64-linux-gnu-readelf /usr/bin/x86_64-linux-gnu-size /usr/bin/x86_64-linux-gnu-strings /usr/bin/x86_64-linux-gnu-strip /usr/bin/x86_64-linux-gnu-gold /usr/bin/x86_64-linux-gnu-ld|
bsd-mailx|8.1.2-0.20220412cvs-1|175|90364|exim4-daemon-light libbsd0 libc6 liblockfile1|||
build-essential|12.9|20|7704|libc6-dev gcc g++ make dpkg-dev|||
bzip2|1.0.8-5+b1|121|49804|libbz2-1.0 libc6||/bin/bunzip2 /bin/bzcat /bin/bzdiff /bin/bzexe /bin/bzgrep /bin/bzip2 /bin/bzip2recover /bin/bzmore /bin/bzcmp /bin/bzegrep /bin/bzfgrep /bin/bzless|
ca-certificates|20250419~deb12u2|388|160948|openssl debconf||/usr/sbin/update-ca-certificates|
ca-certificates-java|20230710~deb12u1|43|11856|ca-certificates|||
cpp|4:12.2.0-3|30|6836|cpp-12||/usr/bin/cpp /usr/bin/x86_64-linux-gnu-cpp|
cpp-12|12.2.0-14+deb12u1|33848|9767788|gcc-12-base libc6 libgmp10 libisl23 libmpc3 libmpfr6 libzstd1 zlib1g||/usr/bin/x86_64-linux-gnu-cpp-12 /usr/bin/cpp-12|
cron|3.0pl1-162|217|73084|init-system-helpers cron-daemon-common libc6 libpam0g libselinux1 sensible-utils libpam-runtime|exim4-daemon-light|/usr/sbin/cron|
cron-daemon-common|3.0pl1-162|44|12660|adduser|||
curl|7.88.1-10+deb12u15|489|315764|libc6 libcurl4 zlib1g||/usr/bin/curl|
dbus|1.14.10-1~deb12u1|182|97360|init-system-helpers dbus-bin dbus-daemon dbus-system-bus-common libc6 libdbus-1-3 libexpat1 libsystemd0|||
dbus-bin|1.14.10-1~deb12u1|213|105356|libc6 libdbus-1-3||/usr/bin/dbus-cleanup-sockets /usr/bin/dbus-monitor /usr/bin/dbus-send /usr/bin/dbus-update-activation-environment /usr/bin/dbus-uuidgen|
dbus-daemon|1.14.10-1~deb12u1|375|183656|dbus-bin dbus-session-bus-common libapparmor1 libaudit1 libc6 libcap-ng0 libdbus-1-3 libexpat1 libselinux1 libsystemd0||/usr/bin/dbus-daemon /usr/bin/dbus-run-session|
dbus-session-bus-common|1.14.10-1~deb12u1|107|78232||||
dbus-system-bus-common|1.14.10-1~deb12u1|119|79344|adduser|||
dbus-user-session|1.14.10-1~deb12u1|111|78136|dbus-daemon dbus-session-bus-common libpam-systemd systemd|systemd-sysv||
debconf|1.5.82|491|121212||apt-utils debconf-i18n|/usr/bin/debconf /usr/bin/debconf-apt-progress /usr/bin/debconf-communicate /usr/bin/debconf-copydb /usr/bin/debconf-escape /usr/bin/debconf-set-selections /usr/bin/debconf-show /usr/sbin/dpkg-preconfigure /usr/sbin/dpkg-reconfigure|base
debconf-i18n|1.5.82|805|208040|debconf liblocale-gettext-perl libtext-charwidth-perl libtext-iconv-perl libtext-wrapi18n-perl|||
debian-archive-keyring|2023.3+deb12u2|293|178572||||base
debianutils|5.7-0.5~deb12u1|243|102588|libc6||/bin/run-parts /bin/tempfile /sbin/installkernel /usr/bin/ischroot /usr/bin/savelog /usr/bin/which.debianutils /usr/sbin/add-shell /usr/sbin/remove-shell /usr/sbin/update-shells|base
default-jre-headless|2:1.17-74|12|2936|openjdk-17-jre-headless java-common|||
default-mysql-client|1.1.0|9|2852|mariadb-client|||
dirmngr|2.2.40-1.1+deb12u2|1329|792544|adduser gpgconf lsb-base init-system-helpers libassuan0 libc6 libgcrypt20 libgnutls30 libgpg-error0 libksba8 libldap-2.5-0 libnpth0|gnupg|/usr/bin/dirmngr /usr/bin/dirmngr-client|
distro-info-data|0.58+deb12u7|19|6584||||
dmsetup|2:1.02.185-2|246|82040|libc6 libdevmapper1.02.1||/sbin/blkdeactivate /sbin/dmsetup /sbin/dmstats|
dnsutils|1:9.18.49-1~deb12u3|26|14224|bind9-dnsutils|||
dpkg|1.21.23|6409|1567804|libbz2-1.0 libc6 liblzma5 libmd0 libselinux1 libzstd1 zlib1g tar||/sbin/start-stop-daemon /usr/bin/dpkg /usr/bin/dpkg-deb /usr/bin/dpkg-divert /usr/bin/dpkg-maintscript-helper /usr/bin/dpkg-query /usr/bin/dpkg-realpath /usr/bin/dpkg-split /usr/bin/dpkg-statoverride /usr/bin/dpkg-trigger /usr/bin/update-alternatives /usr/sbin/dpkg-fsys-usrunmess|base
dpkg-dev|1.21.23|1728|1354256|perl libdpkg-perl tar bzip2 xz-utils patch make binutils|build-essential gcc fakeroot gnupg gpgv libalgorithm-merge-perl|/usr/bin/dpkg-architecture /usr/bin/dpkg-buildflags /usr/bin/dpkg-buildpackage /usr/bin/dpkg-checkbuilddeps /usr/bin/dpkg-distaddfile /usr/bin/dpkg-genbuildinfo /usr/bin/dpkg-genchanges /usr/bin/dpkg-gencontrol /usr/bin/dpkg-gensymbols /usr/bin/dpkg-mergechangelogs /usr/bin/dpkg-name /usr/bin/dpkg-parsechangelog /usr/bin/dpkg-scanpackages /usr/bin/dpkg-scansources /usr/bin/dpkg-shlibdeps /usr/bin/dpkg-source /usr/bin/dpkg-vendor|
dumb-init|1.2.5-2|37|14052|libc6||/usr/bin/dumb-init|
exim4-base|4.96-15+deb12u11|1672|1118988|adduser cron exim4-config netbase debconf libc6 libdb5.3|bsd-mailx psmisc||
exim4-config|4.96-15+deb12u11|921|257268|adduser debconf|ca-certificates||
exim4-daemon-light|4.96-15+deb12u11|1496|606804|exim4-base debconf libc6 libcrypt1 libdb5.3 libgnutls-dane0 libgnutls30 libidn12 libidn2-0 libnsl2 libpcre2-8-0|||
fakeroot|1.31-1.2|208|66912|libfakeroot libc6||/usr/bin/faked-sysv /usr/bin/faked-tcp /usr/bin/fakeroot-sysv /usr/bin/fakeroot-tcp|
file|1:5.44-3|79|42472|libc6 libmagic1||/usr/bin/file|
fontconfig-config|2.14.1-4|527|314864|debconf fonts-dejavu-core|||
fonts-dejavu-core|2.37-6|2960|1067728||||
g++|4:12.2.0-3|14|1356|cpp gcc g++-12 gcc-12||/usr/bin/g++ /usr/bin/x86_64-linux-gnu-g++|
g++-12|12.2.0-14+deb12u1|36161|10694076|gcc-12-base gcc-12 libstdc++-12-dev libc6 libgmp10 libisl23 libmpc3 libmpfr6 libzstd1 zlib1g||/usr/bin/x86_64-linux-gnu-g++-12 /usr/bin/g++-12|
gcc|4:12.2.0-3|47|5216|cpp gcc-12|libc6-dev|/usr/bin/c89-gcc /usr/bin/c99-gcc /usr/bin/gcc /usr/bin/gcc-ar /usr/bin/gcc-nm /usr/bin/gcc-ranlib /usr/bin/gcov /usr/bin/gcov-dump /usr/bin/gcov-tool /usr/bin/lto-dump /usr/bin/x86_64-linux-gnu-gcc /usr/bin/x86_64-linux-gnu-gcc-ar /usr/bin/x86_64-linux-gnu-gcc-nm /usr/bin/x86_64-linux-gnu-gcc-ranlib /usr/bin/x86_64-linux-gnu-gcov /usr/bin/x86_64-linux-gnu-gcov-dump /usr/bin/x86_64-linux-gnu-gcov-tool /usr/bin/x86_64-linux-gnu-lto-dump|
gcc-12|12.2.0-14+deb12u1|68236|19268852|cpp-12 gcc-12-base libcc1-0 binutils libgcc-12-dev libc6 libgcc-s1 libgmp10 libisl23 libmpc3 libmpfr6 libstdc++6 libzstd1 zlib1g|libc6-dev|/usr/bin/x86_64-linux-gnu-gcc-12 /usr/bin/x86_64-linux-gnu-gcc-ar-12 /usr/bin/x86_64-linux-gnu-gcc-nm-12 /usr/bin/x86_64-linux-gnu-gcc-ranlib-12 /usr/bin/x86_64-linux-gnu-gcov-12 /usr/bin/x86_64-linux-gnu-gcov-dump-12 /usr/bin/x86_64-linux-gnu-gcov-tool-12 /usr/bin/x86_64-linux-gnu-lto-dump-12 /usr/bin/gcc-12 /usr/bin/gcc-ar-12 /usr/bin/gcc-nm-12 /usr/bin/gcc-ranlib-12 /usr/bin/gcov-12 /usr/bin/gcov-dump-12 /usr/bin/gcov-tool-12 /usr/bin/lto-dump-12|
gcc-12-base|12.2.0-14+deb12u1|100|37596||||base same
gettext-base|0.21-12|645|160164|libc6||/usr/bin/envsubst /usr/bin/gettext /usr/bin/gettext.sh /usr/bin/ngettext|
gir1.2-glib-2.0|1.74.0-3|719|159432|libgirepository-1.0-1 libglib2.0-0|||same
gir1.2-packagekitglib-1.0|1.2.6-5+deb12u1|110|26020|gir1.2-glib-2.0 libpackagekit-glib2-18|||
git|1:2.39.5-0+deb12u3|44890|7264380|libc6 libcurl3-gnutls libexpat1 libpcre2-8-0 zlib1g perl liberror-perl git-man|ca-certificates patch less openssh-client|/usr/bin/git /usr/bin/git-shell /usr/bin/scalar /usr/bin/git-receive-pack /usr/bin/git-upload-archive /usr/bin/git-upload-pack|
git-lfs|3.3.0-1+deb12u2|10955|3491136|git libc6||/usr/bin/git-lfs|
git-man|1:2.39.5-0+deb12u3|2107|2053236||||
gnupg|2.2.40-1.1+deb12u2|886|846132|dirmngr gnupg-l10n gnupg-utils gpg gpg-agent gpg-wks-client gpg-wks-server gpgsm gpgv|||
gnupg-l10n|2.2.40-1.1+deb12u2|4875|1092644||||
gnupg-utils|2.2.40-1.1+deb12u2|1837|927232|libassuan0 libbz2-1.0 libc6 libgcrypt20 libgpg-error0 libksba8 libreadline8 zlib1g|gpg gpg-agent gpgconf gpgsm|/usr/bin/gpg-zip /usr/bin/gpgcompose /usr/bin/gpgparsemail /usr/bin/gpgsplit /usr/bin/gpgtar /usr/bin/kbxutil /usr/bin/lspgpot /usr/bin/migrate-pubring-from-classic-gpg /usr/bin/watchgnupg /usr/sbin/addgnupghome /usr/sbin/applygnupgdefaults|
gpg|2.2.40-1.1+deb12u2|1582|949888|gpgconf libassuan0 libbz2-1.0 libc6 libgcrypt20 libgpg-error0 libreadline8 libsqlite3-0 zlib1g|gnupg|/usr/bin/gpg|
gpg-agent|2.2.40-1.1+deb12u2|1349|694596|gpgconf pinentry-curses init-system-helpers libassuan0 libc6 libgcrypt20 libgpg-error0 libnpth0|gnupg|/usr/bin/gpg-agent|
gpg-wks-client|2.2.40-1.1+deb12u2|683|540932|dirmngr gpg gpg-agent libassuan0 libc6 libgcrypt20 libgpg-error0|gnupg||
gpg-wks-server|2.2.40-1.1+deb12u2|658|531476|gpg gpg-agent libc6 libgcrypt20 libgpg-error0|gnupg|/usr/bin/gpg-wks-server|
gpgconf|2.2.40-1.1+deb12u2|804|564852|libassuan0 libc6 libgcrypt20 libgpg-error0 libreadline8||/usr/bin/gpg-connect-agent /usr/bin/gpgconf|
gpgsm|2.2.40-1.1+deb12u2|993|671420|gpgconf libassuan0 libc6 libgcrypt20 libgpg-error0 libksba8 libreadline8|gnupg|/usr/bin/gpgsm|
gpgv|2.2.40-1.1+deb12u2|918|648768|libbz2-1.0 libc6 libgcrypt20 libgpg-error0 zlib1g||/usr/bin/gpgv|base
htop|3.2.2-2|378|152412|libc6 libncursesw6 libnl-3-200 libnl-genl-3-200 libtinfo6||/usr/bin/htop|
inetutils-telnet|2:2.4-2+deb12u3|257|120880|libc6 libcom-err2 libk5crypto3 libkrb5-3 libtinfo6 netbase|||
init-system-helpers|1.65.2+deb12u1|133|39020|usr-is-merged||/usr/bin/deb-systemd-helper /usr/bin/deb-systemd-invoke /usr/sbin/invoke-rc.d /usr/sbin/service /usr/sbin/update-rc.d|base
iproute2|6.1.0-3|3516|1045828|debconf libbpf1 libbsd0 libc6 libcap2 libdb5.3 libelf1 libmnl0 libselinux1 libtirpc3 libxtables12 libcap2-bin|libatm1|/bin/ip /bin/ss /sbin/bridge /sbin/dcb /sbin/devlink /sbin/rtacct /sbin/rtmon /sbin/tc /sbin/tipc /sbin/vdpa /usr/bin/lnstat /usr/bin/nstat /usr/bin/rdma /usr/bin/routel /usr/sbin/arpd /usr/sbin/genl /sbin/ip /usr/bin/ctstat /usr/bin/rtstat|
iputils-ping|3:20221126-1+deb12u1|121|47172|libcap2-bin libc6 libcap2 libidn2-0||/usr/bin/ping|
iso-codes|4.15.0-1|20086|2906084||||
java-common|0.74|28|6388|||/usr/sbin/update-java-alternatives|
javascript-common|11+nmu1|33|6260||||
jq|1.6-2.1+deb12u3|111|64432|libjq1 libc6||/usr/bin/jq|
krb5-locales|1.20.1-2+deb12u5|273|63520||||
less|590-2.1~deb12u2|313|132044|libc6 libtinfo6||/usr/bin/less /usr/bin/lessecho /usr/bin/lesskey /usr/bin/lesspipe /usr/bin/lessfile|
libabsl20220623|20220623.1-1+deb12u2|1913|390704|libc6 libgcc-s1 libstdc++6|||same
libacl1|2.3.1-3|73|31488|libc6|||base same
libalgorithm-diff-perl|1.201-1|129|43296|perl|libalgorithm-diff-xs-perl||
libalgorithm-diff-xs-perl|0.04-8+b1|47|11440|perl perl-base libc6 libalgorithm-diff-perl|||same
libalgorithm-merge-perl|0.08-5|43|11788|perl libalgorithm-diff-perl|||
libaom3|3.6.0-1+deb12u3|5546|1851316|libc6|||same
libapparmor1|3.0.8-3|109|41192|libc6|||same
libappstream4|0.16.1-2+b1|657|198320|libc6 libcurl3-gnutls libglib2.0-0 libstemmer0d libsystemd0 libxml2 libxmlb2 libyaml-0-2|||same
libapt-pkg6.0|2.6.2|3297|906972|libbz2-1.0 libc6 libgcc-s1 libgcrypt20 liblz4-1 liblzma5 libstdc++6 libsystemd0 libudev1 libxxhash0 libzstd1 zlib1g|apt||base same
libargon2-1|0~20171227-0.3+deb12u1|56|19432|libc6|||same
libasan8|12.2.0-14+deb12u1|8017|2192652|gcc-12-base libc6 libgcc-s1|||same
libasound2|1.2.8-1+b1|1161|361788|libasound2-data libc6|||same
libasound2-data|1.2.8-1|200|20488||alsa-ucm-conf alsa-topology-conf||
libassuan0|2.5.5-5|117|48464|libc6 libgpg-error0|||same
libatm1|1:2.5.1-4+b2|107|68312|libc6|||same
libatomic1|12.2.0-14+deb12u1|45|9376|gcc-12-base libc6|||same
libaudit-common|1:3.0.9-1|22|10448||||base
libaudit1|1:3.0.9-1|150|46764|libaudit-common libc6 libcap-ng0|||base same
libavahi-client3|0.8-10+deb12u1|117|45756|libavahi-common3 libc6 libdbus-1-3|||same
libavahi-common-data|0.8-10+deb12u1|738|107164||||same
libavahi-common3|0.8-10+deb12u1|94|42112|libc6 libavahi-common-data|||same
libavif15|0.11.1-1+deb12u1|203|94396|libaom3 libc6 libdav1d6 libgav1-1 librav1e0 libsvtav1enc1 libyuv0|||same
libbinutils|2.40-2|2469|572104|libc6 libzstd1 zlib1g binutils-common|||same
libblkid1|2.38.1-5+deb12u3|398|147380|libc6|||base same
libbpf1|1:1.1.2-0+deb12u1|385|145032|libc6 libelf1 zlib1g|||same
libbrotli1|1.0.9-2+deb12u1|783|274704|libc6|||same
libbsd0|0.11.7-2|202|117416|libc6 libmd0|||same
libbz2-1.0|1.0.8-5+b1|106|47348|libc6|||base same
libc-bin|2.36-9+deb12u14|2042|609144|libc6|manpages|/sbin/ldconfig /usr/bin/getconf /usr/bin/getent /usr/bin/iconv /usr/bin/ldd /usr/bin/locale /usr/bin/localedef /usr/bin/pldd /usr/bin/tzselect /usr/bin/zdump /usr/sbin/iconvconfig /usr/sbin/zic /usr/bin/ld.so|base
libc-dev-bin|2.36-9+deb12u14|94|48056|libc6|manpages manpages-dev libc-devtools|/usr/bin/gencat|
libc-devtools|2.36-9+deb12u14|138|55684|libc6 libgd3|manpages manpages-dev|/usr/bin/memusage /usr/bin/memusagestat /usr/bin/mtrace /usr/bin/sotruss /usr/bin/sprof|
libc-l10n|2.36-9+deb12u14|4350|676384||||
libc6|2.36-9+deb12u14|13001|2759320|libgcc-s1|libidn2-0||base same
libc6-dev|2.36-9+deb12u14|11975|1903668|libc6 libc-dev-bin linux-libc-dev libcrypt-dev libnsl-dev rpcsvc-proto|||same
libcap-ng0|0.8.3-1+b3|65|17068|libc6|||base same
libcap2|1:2.66-4+deb12u3+b1|95|27708|libc6|||base same
libcap2-bin|1:2.66-4+deb12u3+b1|133|35220|libc6 libcap2|libpam-cap|/sbin/capsh /sbin/getcap /sbin/getpcaps /sbin/setcap|
libcbor0.8|0.8.0-2+b1|98|27436|libc6|||same
libcc1-0|12.2.0-14+deb12u1|136|41736|gcc-12-base libc6 libgcc-s1 libstdc++6|||same
libcom-err2|1.47.0-2+b2|55|20044|libc6|||base same
libconfig-inifiles-perl|3.000003-2+deb12u1|123|45984||||
libcrypt-dev|1:4.4.33-2|341|118144|libcrypt1|||same
libcrypt1|1:4.4.33-2|233|89464|libc6|||base same
libcryptsetup12|2:2.6.1-4~deb12u2|563|223344|libargon2-1 libblkid1 libc6 libdevmapper1.02.1 libjson-c5 libssl3 libuuid1|||same
libctf-nobfd0|2.40-2|301|153384|libc6 zlib1g|||same
libctf0|2.40-2|232|89796|libbinutils libc6 zlib1g|||same
libcups2|2.4.2-3+deb12u11|676|246200|libavahi-client3 libavahi-common3 libc6 libgnutls30 libgssapi-krb5-2 zlib1g|||same
libcurl3-gnutls|7.88.1-10+deb12u15|828|386008|libbrotli1 libc6 libgnutls30 libgssapi-krb5-2 libidn2-0 libldap-2.5-0 libnettle8 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libzstd1 zlib1g|ca-certificates||same
libcurl4|7.88.1-10+deb12u15|840|392184|libbrotli1 libc6 libgssapi-krb5-2 libidn2-0 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libssl3 libzstd1 zlib1g|ca-certificates||same
libdav1d6|1.0.0-2+deb12u1|1616|513432|libc6|||same
libdb5.3|5.3.28+dfsg2-1|1833|697412|libc6|||base same
libdbd-mariadb-perl|1.22-1+b1|263|93772|perl libdbi-perl perl-base libc6 libmariadb3|||
libdbi-perl|1.643-4+deb12u4|2156|774568|perl perl-base libc6|||same
libdbus-1-3|1.14.10-1~deb12u1|468|201240|libc6 libsystemd0|dbus||same
libde265-0|1.0.11-1+deb12u4|471|186528|libc6 libgcc-s1 libstdc++6|||same
libdeflate0|1.14-1|161|61416|libc6|||same
libdevmapper1.02.1|2:1.02.185-2|474|132796|libc6 libselinux1 libudev1 dmsetup|||same
libdpkg-perl|1.21.23|1987|603796|perl dpkg|libfile-fcntllock-perl liblocale-gettext-perl bzip2 xz-utils||
libduktape207|2.7.0-2|314|133812|libc6|||same
libdw1|0.188-2.1|713|234760|libbz2-1.0 libc6 libelf1 liblzma5 zlib1g|||same
libedit2|3.1-20221030-2|258|92992|libbsd0 libc6 libtinfo6|||same
libelf1|0.188-2.1|1036|173796|libc6 zlib1g|||same
liberror-perl|0.17029-2|73|29032|perl|||
libevent-2.1-7|2.1.12-stable-8+deb12u1|435|181168|libc6|||same
libexpat1|2.5.0-1+deb12u5|414|107940|libc6|||same
libexpat1-dev|2.5.0-1+deb12u5|845|159408|libexpat1 libc6-dev|||same
libfakeroot|1.31-1.2|144|28328|libc6|||same
libfdisk1|2.38.1-5+deb12u3|533|193624|libblkid1 libc6 libuuid1|||same
libffi-dev|3.4.4-1|315|59376|libffi8|||same
libffi8|3.4.4-1|68|22856|libc6|||base same
libfido2-1|1.12.0-2+b1|241|77216|libc6 libcbor0.8 libssl3 libudev1 zlib1g|||same
libfile-fcntllock-perl|0.22-4+b1|129|34848|perl perl-base libc6|||
libfontconfig1|2.14.1-4|579|385664|libc6 libexpat1 libfreetype6 fontconfig-config|||same
libfreetype6|2.12.1+dfsg-5+deb12u4|886|397736|libbrotli1 libc6 libpng16-16 zlib1g|||same
libfstrm0|0.6.1-1|70|21596|libc6|||same
libgav1-1|0.18.0-1+b1|945|331664|libabsl20220623 libc6 libgcc-s1 libstdc++6|||same
libgcc-12-dev|12.2.0-14+deb12u1|14284|2437204|gcc-12-base libgcc-s1 libgomp1 libitm1 libatomic1 libasan8 liblsan0 libtsan2 libubsan1 libquadmath0|libc6-dev||same
libgcc-s1|12.2.0-14+deb12u1|140|49856|gcc-12-base libc6|||base same
libgcrypt20|1.10.1-3+deb12u1|1592|696204|libc6 libgpg-error0|||base same
libgd3|2.3.3-9+deb12u1|449|123972|libavif15 libc6 libfontconfig1 libfreetype6 libheif1 libjpeg62-turbo libpng16-16 libtiff6 libwebp7 libxpm4|||same
libgdbm-compat4|1.23-3|70|48156|libc6 libgdbm6|||same
libgdbm6|1.23-3|129|72248|libc6|||same
libgirepository-1.0-1|1.74.0-3|295|100664|libc6 libffi8 libglib2.0-0|||same
libglib2.0-0|2.74.6-2+deb12u9|4135|1403216|libc6 libffi8 libmount1 libpcre2-8-0 libselinux1 zlib1g|libglib2.0-data shared-mime-info xdg-user-dirs||same
libglib2.0-bin|2.74.6-2+deb12u9|336|112080|libglib2.0-data libc6 libelf1 libglib2.0-0||/usr/bin/gapplication /usr/bin/gdbus /usr/bin/gio /usr/bin/gresource /usr/bin/gsettings /usr/bin/gio-querymodules /usr/bin/glib-compile-schemas|
libglib2.0-data|2.74.6-2+deb12u9|9406|1211164||||
libgmp10|2:6.2.1+dfsg1-1.1|855|562588|libc6|||base same
libgnutls-dane0|3.7.9-2+deb12u7|491|407460|libgnutls30 libc6 libunbound8|||same
libgnutls30|3.7.9-2+deb12u7|3396|1409084|libc6 libgmp10 libhogweed6 libidn2-0 libnettle8 libp11-kit0 libtasn1-6 libunistring2|||base same
libgomp1|12.2.0-14+deb12u1|312|115772|gcc-12-base libc6|||same
libgpg-error-l10n|1.46-1|631|109412||||
libgpg-error0|1.46-1|192|76888|libc6|libgpg-error-l10n||base same
libgpm2|1.20.7-10+b1|45|14216|libc6|||same
libgprofng0|2.40-2|3958|812120|libbinutils libc6 libgcc-s1 libstdc++6 zlib1g|||same
libgraphite2-3|1.3.14-1+deb12u1|191|74564|libc6|||same
libgssapi-krb5-2|1.20.1-2+deb12u5|425|135168|libc6 libcom-err2 libk5crypto3 libkrb5-3 libkrb5support0|||same
libgstreamer1.0-0|1.22.0-2+deb12u1|4418|1169664|libc6 libcap2 libdw1 libglib2.0-0 libunwind8 libcap2-bin|||same
libharfbuzz0b|6.0.0+dfsg-3|2609|1945396|libc6 libfreetype6 libglib2.0-0 libgraphite2-3|||same
libheif1|1.15.1-1+deb12u3|697|228196|libaom3 libc6 libdav1d6 libde265-0 libgcc-s1 libstdc++6 libx265-199 zlib1g|||same
libhogweed6|3.8.1-2|463|327524|libc6 libgmp10 libnettle8|||base same
libicu72|72.1-3+deb12u1|36170|9376124|libc6 libgcc-s1 libstdc++6|||same
libidn12|1.41-1|265|83832|libc6|||same
libidn2-0|2.3.3-1+b1|439|123636|libc6 libunistring2|||base same
libip4tc2|1.8.9-2|66|19016|libc6|||same
libisl23|0.25-1.1|2302|683060|libc6 libgmp10|||same
libitm1|12.2.0-14+deb12u1|115|26140|gcc-12-base libc6|||same
libjansson4|2.14-2|101|40788|libc6|||same
libjbig0|2.1-6.1|84|31704|libc6|||same
libjemalloc2|5.3.0-1|872|275000|libc6 libgcc-s1 libstdc++6|||same
libjpeg62-turbo|1:2.1.5-2|677|166332|libc6|||same
libjq1|1.6-2.1+deb12u3|366|136460|libc6 libonig5|||same
libjs-jquery|3.6.1+dfsg+~3.5.14-1|705|326128||javascript-common||
libjs-sphinxdoc|5.3.0-4|184|130384|libjs-jquery libjs-underscore|||
libjs-underscore|1.13.4~dfsg+~1.11.4-3|349|115632||javascript-common libjs-jquery||
libjson-c5|0.16-2|109|44120|libc6|||same
libk5crypto3|1.20.1-2+deb12u5|261|79712|libc6 libkrb5support0|||same
libkeyutils1|1.6.3-2|40|8808|libc6|||same
libkmod2|30+20221128-1|141|57892|libc6 liblzma5 libssl3 libzstd1|||same
libkrb5-3|1.20.1-2+deb12u5|1077|332280|libc6 libcom-err2 libk5crypto3 libkeyutils1 libkrb5support0 libssl3|krb5-locales||same
libkrb5support0|1.20.1-2+deb12u5|134|33212|libc6|||same
libksba8|1.6.3-2|316|128416|libc6 libgpg-error0|||same
liblcms2-2|2.14-2+deb12u1|428|153540|libc6|||same
libldap-2.5-0|2.5.13+dfsg-5|553|183248|libc6 libgnutls30 libsasl2-2|libldap-common||same
libldap-common|2.5.13+dfsg-5|92|29348||||
liblerc4|4.0.0+ds-2|649|170368|libc6 libgcc-s1 libstdc++6|||same
liblmdb0|0.9.24-1|104|44996|libc6|||same
liblocale-gettext-perl|1.07-5|51|15408|perl-base libc6|||
liblockfile-bin|1.17-1+b1|53|20808|libc6|||
liblockfile1|1.17-1+b1|45|16980|libc6 liblockfile-bin|||same
liblsan0|12.2.0-14+deb12u1|2942|969300|gcc-12-base libc6 libgcc-s1|||same
liblz4-1|1.9.4-1|169|62884|libc6|||base same
liblzf1|3.6-3|39|10192|libc6|||same
liblzma5|5.4.1-1+deb12u2|333|205796|libc6|||base same
libmagic-mgc|1:5.44-3|8130|304888||||
libmagic1|1:5.44-3|232|103752|libbz2-1.0 libc6 liblzma5 zlib1g libmagic-mgc|||same
libmariadb3|1:10.11.19-0+deb12u1|553|179504|mariadb-common libc6 libssl3 zlib1g|||same
libmaxminddb0|1.7.1-1|76|29812|libc6|||same
libmd0|1.0.4-2|79|29456|libc6|||base same
libmnl0|1.0.4-3|46|12476|libc6|||same
libmount1|2.38.1-5+deb12u3|454|165732|libblkid1 libc6 libselinux1|||base same
libmpc3|1.3.1-1|149|51480|libc6 libgmp10 libmpfr6|||same
libmpfr6|4.2.0-1|1177|700900|libc6 libgmp10|||same
libncurses6|6.4-4|335|103136|libtinfo6 libc6|libgpm2||same
libncursesw6|6.4-4|412|133824|libtinfo6 libc6|libgpm2||same
libnettle8|3.8.1-2|520|287764|libc6|||base same
libnghttp2-14|1.52.0-1+deb12u3|220|72404|libc6|||same
libnl-3-200|3.7.0-0.2+b1|182|63124|libc6|||same
libnl-genl-3-200|3.7.0-0.2+b1|58|21600|libnl-3-200 libc6|||same
libnpth0|1.6-3|50|18980|libc6|||same
libnsl-dev|1.3.0-2|345|66436|libnsl2 libtirpc-dev|||same
libnsl2|1.3.0-2|127|39480|libc6 libtirpc3|||same
libnspr4|2:4.35-1|322|113108|libc6|||same
libnss-systemd|252.39-1~deb12u2|389|164224|libc6 libcap2 systemd|||same
libnss3|2:3.87.1-1+deb12u4|4114|1330556|libc6 libnspr4 libsqlite3-0|||same
libnuma1|2.0.16-1|71|20964|libc6|||same
libonig5|6.9.8-1|666|187828|libc6|||same
libp11-kit0|0.24.1-2|1408|345080|libc6 libffi8|||base same
libpackagekit-glib2-18|1.2.6-5+deb12u1|448|112892|libc6 libglib2.0-0|||same
libpam-cap|1:2.66-4+deb12u3+b1|53|15052|libpam-runtime libc6 libcap2 libpam0g|||same
libpam-modules|1.5.2-6+deb12u3|1033|293236|libaudit1 libc6 libcrypt1 libdb5.3 libpam0g libselinux1 debconf libpam-modules-bin|||base same
libpam-modules-bin|1.5.2-6+deb12u3|228|76004|libaudit1 libc6 libcrypt1 libpam0g libselinux1||/sbin/mkhomedir_helper /sbin/pam_namespace_helper /sbin/pwhistory_helper /sbin/unix_chkpwd /sbin/unix_update /usr/sbin/faillock /usr/sbin/pam_timestamp_check|base
libpam-runtime|1.5.2-6+deb12u3|877|161408|debconf libpam-modules||/usr/sbin/pam-auth-update /usr/sbin/pam_getenv|base
libpam-systemd|252.39-1~deb12u2|532|225520|libc6 libcap2 libpam0g systemd libpam-runtime dbus systemd-sysv|dbus-user-session||same
libpam0g|1.5.2-6+deb12u3|216|92412|libaudit1 libc6 debconf|||base same
libpcre2-8-0|10.42-1+deb12u2|685|261628|libc6|||base same
libpcsclite1|1.9.9-2|91|49704|libc6|||same
libperl5.36|5.36.0-7+deb12u4|28875|4207640|libbz2-1.0 libc6 libcrypt1 libdb5.3 libgdbm-compat4 libgdbm6 zlib1g perl-modules-5.36||/usr/bin/cpan5.36-x86_64-linux-gnu /usr/bin/perl5.36-x86_64-linux-gnu|same
libpkgconf3|1.8.1-1|101|36084|libc6|||same
libpng16-16|1.6.39-2+deb12u6|417|277048|libc6 zlib1g|||same
libpolkit-agent-1-0|122-3|70|24444|libc6 libglib2.0-0 libpolkit-gobject-1-0|||same
libpolkit-gobject-1-0|122-3|148|43912|libc6 libglib2.0-0 libsystemd0|||same
libpopt0|1.19+dfsg-1|245|43268|libc6|||same
libpq-dev|15.20-0+deb12u1|595|156556|libpq5 libssl-dev||/usr/bin/pg_config|
libpq5|15.20-0+deb12u1|906|205248|libc6 libgssapi-krb5-2 libldap-2.5-0 libssl3|||same
libproc2-0|2:4.0.2-3|232|62804|libc6 libsystemd0|||same
libprotobuf-c1|1.4.1-1+b1|69|27492|libc6|||same
libpsl5|0.21.2-1|96|58684|libidn2-0 libc6 libunistring2|publicsuffix||same
libpython3-dev|3.11.2-1+b1|37|9572|libpython3.11-dev||/usr/bin/x86_64-linux-gnu-python3-config|same
libpython3-stdlib|3.11.2-1+b1|27|9312|libpython3.11-stdlib|||same
libpython3.11|3.11.2-6+deb12u9|7626|1988800|libpython3.11-stdlib libc6 libexpat1 zlib1g|||same
libpython3.11-dev|3.11.2-6+deb12u9|25766|4739284|libpython3.11-stdlib libpython3.11 libexpat1-dev zlib1g-dev|libc6-dev|/usr/bin/x86_64-linux-gnu-python3.11-config|same
libpython3.11-minimal|3.11.2-6+deb12u9|5232|820928|libc6 libssl3|libpython3.11-stdlib||same
libpython3.11-stdlib|3.11.2-6+deb12u9|8334|1798408|libpython3.11-minimal media-types libbz2-1.0 libc6 libcrypt1 libdb5.3 libffi8 liblzma5 libncursesw6 libnsl2 libreadline8 libsqlite3-0 libtinfo6 libtirpc3 libuuid1|||same
libquadmath0|12.2.0-14+deb12u1|292|144616|gcc-12-base libc6|||same
librav1e0|0.5.1-6|2664|763348|libc6 libgcc-s1|||same
libreadline8|8.2-1.3|475|165760|readline-common libc6 libtinfo6|||same
librtmp1|2.4+20151223.gitfa8646d.1-2+b2|146|60824|libc6 libgmp10 libgnutls30 libhogweed6 libnettle8 zlib1g|||same
libsasl2-2|2.1.28+dfsg-10+deb12u1|167|59908|libsasl2-modules-db libc6|libsasl2-modules||same
libsasl2-modules|2.1.28+dfsg-10+deb12u1|284|66868|libc6 libssl3|||same
libsasl2-modules-db|2.1.28+dfsg-10+deb12u1|77|20524|libc6 libdb5.3|||same
libseccomp2|2.5.4-1+deb12u1|148|46808|libc6|||base same
libselinux1|3.4-1+b6|199|73720|libc6 libpcre2-8-0|||base same
libsemanage-common|3.4-1|37|21632||||base
libsemanage2|3.4-1+b5|297|89884|libsemanage-common libaudit1 libbz2-1.0 libc6 libselinux1 libsepol2|||base same
libsepol2|3.4-2.1|775|275900|libc6|||base same
libsmartcols1|2.38.1-5+deb12u3|289|106776|libc6|||base same
libsodium23|1.0.18-1+deb12u1|415|162044|libc6|||same
libsqlite3-0|3.40.1-2+deb12u2|1682|838808|libc6|||same
libssh2-1|1.10.0-3+deb12u1|353|175976|libc6 libssl3 zlib1g|||same
libssl-dev|3.0.22-1~deb12u2|12206|2450160|libssl3|||same
libssl3|3.0.22-1~deb12u2|6042|2039888|libc6|||same
libstdc++-12-dev|12.2.0-14+deb12u1|19446|2047292|gcc-12-base libgcc-12-dev libstdc++6 libc6-dev|||same
libstdc++6|12.2.0-14+deb12u1|2686|612604|gcc-12-base libc6 libgcc-s1|||base same
libstemmer0d|2.2.0-2|818|118164|libc6|||same
libsvtav1enc1|1.4.1+dfsg-1|6632|2121284|libc6|||same
libsystemd-shared|252.39-1~deb12u2|5350|1696184|libacl1 libapparmor1 libaudit1 libblkid1 libc6 libcap2 libcrypt1 libgcrypt20 libip4tc2 libkmod2 liblz4-1 liblzma5 libmount1 libpam0g libseccomp2 libselinux1 libssl3 libzstd1|||same
libsystemd0|252.39-1~deb12u2|909|332372|libc6 libcap2 libgcrypt20 liblz4-1 liblzma5 libzstd1|||base same
libtasn1-6|4.19.0-2+deb12u1|116|48596|libc6|||base same
libterm-readkey-perl|2.38-2+b1|73|24456|perl perl-base libc6|||
libtext-charwidth-perl|0.04-11|41|9496|libc6 perl-base|||same
libtext-iconv-perl|1.7-8|49|14464|libc6 perl-base|||same
libtext-wrapi18n-perl|0.06-10|26|8808|libtext-charwidth-perl|||
libtiff6|4.5.0-6+deb12u5|716|316500|libc6 libdeflate0 libjbig0 libjpeg62-turbo liblerc4 liblzma5 libwebp7 libzstd1 zlib1g|||same
libtinfo6|6.4-4|541|331352|libc6|||base same
libtirpc-common|1.3.3+ds-1|35|14048||||
libtirpc-dev|1.3.3+ds-1|717|191428|libtirpc3|||same
libtirpc3|1.3.3+ds-1|226|85192|libc6 libgssapi-krb5-2 libtirpc-common|||same
libtsan2|12.2.0-14+deb12u1|7815|2196972|gcc-12-base libc6 libgcc-s1|||same
libubsan1|12.2.0-14+deb12u1|2652|883056|gcc-12-base libc6 libgcc-s1 libstdc++6|||same
libudev1|252.39-1~deb12u2|240|108880|libc6|||base same
libunbound8|1.17.1-2+deb12u4|1236|552964|libc6 libevent-2.1-7 libgmp10 libhogweed6 libnettle8|||same
libunistring2|1.0-2|1807|436708|libc6|||base same
libunwind8|1.6.2-3|196|51172|libc6 liblzma5|||same
libuuid1|2.38.1-5+deb12u3|79|28784|libc6|uuid-runtime||base same
libuv1|1.44.2-1+deb12u1|294|135616|libc6|||same
libwebp7|1.2.4-0.2+deb12u1|544|285512|libc6|||same
libx11-6|2:1.8.4-2+deb12u2|1562|759544|libc6 libxcb1 libx11-data|||same
libx11-data|2:1.8.4-2+deb12u2|1577|291884||||
libx265-199|3.5-2+b1|16203|1150056|libc6 libnuma1 libstdc++6|||same
libxau6|1:1.0.9-1|42|19720|libc6|||same
libxcb1|1.15-1|296|144052|libc6 libxau6 libxdmcp6|||same
libxdmcp6|1:1.1.2-3|53|26344|libbsd0 libc6|||same
libxext6|2:1.3.4-1+b1|132|52932|libc6 libx11-6|||same
libxml2|2.9.14+dfsg-1.3~deb12u6|1867|688760|libc6 libicu72 liblzma5 zlib1g|||same
libxmlb2|0.3.22-1~deb12u1|187|61032|libc6 libglib2.0-0 liblzma5 libzstd1|||same
libxmuu1|2:1.1.3-3|54|23928|libc6 libx11-6|||same
libxpm4|1:3.5.12-1.1+deb12u1|111|48608|libc6 libx11-6|||same
libxtables12|1.8.9-2|101|30752|libc6|||same
libxxhash0|0.8.1-1|99|27584|libc6|||base same
libyaml-0-2|0.2.5-1|152|53580|libc6|||same
libyuv0|0.0~git20230123.b2528b0-1|671|168120|libc6 libgcc-s1 libjpeg62-turbo libstdc++6|||same
libzstd1|1.5.4+dfsg2-5+deb12u1|785|290236|libc6|||base same
linux-libc-dev|6.1.192-3|7191|2458036||||same
locales|2.36-9+deb12u14|15847|3906316|libc-bin libc-l10n debconf||/usr/sbin/locale-gen /usr/sbin/update-locale /usr/sbin/validlocale|
lsb-base|11.6|12|4584|sysvinit-utils|||
lsb-release|12.0-1|17|6416|||/usr/bin/lsb_release|
make|4.3-4.1|1592|395632|libc6||/usr/bin/make /usr/bin/make-first-existing-target /usr/bin/gmake|
manpages|6.03-2|1548|1331652||||
manpages-dev|6.03-2|3732|2030264|manpages|||
mariadb-client|1:10.11.19-0+deb12u1|62935|2952092|debianutils libconfig-inifiles-perl mariadb-client-core perl libc6 libgcc-s1 libssl3 libstdc++6 zlib1g|libdbd-mariadb-perl libdbi-perl libterm-readkey-perl|/usr/bin/mariadb /usr/bin/mysql|
mariadb-client-core|1:10.11.19-0+deb12u1|14655|869892|libmariadb3 mariadb-common libc6 libedit2 libgcc-s1 libncurses6 libssl3 libstdc++6 libtinfo6 zlib1g|||
mariadb-common|1:10.11.19-0+deb12u1|69|27624|mysql-common|||
mawk|1.3.4.20200120-3.1|263|119144|libc6||/usr/bin/mawk|base
media-types|10.0.0|92|26136||||
mount|2.38.1-5+deb12u3|393|134044|libblkid1 libc6 libmount1 libselinux1 libsmartcols1||/bin/mount /bin/umount /sbin/losetup /sbin/swapoff /sbin/swapon|base
mysql-common|5.8+1.1.0|33|6636||||
nano|7.2-1+deb12u1|2804|689556|libc6 libncursesw6 libtinfo6||/usr/bin/nano /usr/bin/rnano|
net-tools|2.10-0.1+deb12u2|978|243404|libc6 libselinux1||/bin/netstat /sbin/ifconfig /sbin/ipmaddr /sbin/iptunnel /sbin/mii-tool /sbin/nameif /sbin/plipconfig /sbin/rarp /sbin/route /sbin/slattach /usr/sbin/arp|
netbase|6.4|36|12800||||
netcat-openbsd|1.219-1|108|41520|libbsd0 libc6||/usr/bin/nc.openbsd|
nginx|1.22.1-9+deb12u12|1336|532740|libc6 libcrypt1 libpcre2-8-0 libssl3 zlib1g iproute2 nginx-common||/usr/sbin/nginx|
nginx-common|1.22.1-9+deb12u12|333|115632|debconf|||
nodejs|20.20.2-1nodesource1+repack1|191771|0|libc6 libgcc-s1 libstdc++6 python3 ca-certificates||/usr/bin/node /usr/bin/corepack /usr/bin/npm /usr/bin/npx|
openjdk-17-jre-headless|17.0.21.1+2-1~deb12u1|188872|43987516|ca-certificates-java java-common libcups2 libfontconfig1 liblcms2-2 libjpeg62-turbo libnss3 util-linux libasound2 libc6 libfreetype6 libgcc-s1 libharfbuzz0b libpcsclite1 libstdc++6 zlib1g||/usr/lib/jvm/java-17-openjdk-amd64/bin/java|same
openssh-client|1:9.2p1-2+deb12u10|5801|993532|adduser passwd libc6 libedit2 libfido2-1 libgssapi-krb5-2 libselinux1 libssl3 zlib1g|xauth|/usr/bin/scp /usr/bin/sftp /usr/bin/ssh /usr/bin/ssh-add /usr/bin/ssh-agent /usr/bin/ssh-argv0 /usr/bin/ssh-copy-id /usr/bin/ssh-keygen /usr/bin/ssh-keyscan /usr/bin/slogin|
openssl|3.0.22-1~deb12u2|2315|1441784|libc6 libssl3||/usr/bin/c_rehash /usr/bin/openssl|
packagekit|1.2.6-5+deb12u1|2952|609620|libglib2.0-bin polkitd init-system-helpers libappstream4 libapt-pkg6.0 libc6 libgcc-s1 libglib2.0-0 libgstreamer1.0-0 libpackagekit-glib2-18 libpolkit-gobject-1-0 libsqlite3-0 libstdc++6 libsystemd0|appstream packagekit-tools systemd||
packagekit-tools|1.2.6-5+deb12u1|107|31040|packagekit libc6 libglib2.0-0 libpackagekit-glib2-18||/usr/bin/pkcon /usr/bin/pkmon|
passwd|1:4.13+dfsg1-1+deb12u2|2827|972180|libaudit1 libc6 libcrypt1 libpam0g libselinux1 libsemanage2 libpam-modules|sensible-utils|/sbin/shadowconfig /usr/bin/chage /usr/bin/chfn /usr/bin/chsh /usr/bin/expiry /usr/bin/gpasswd /usr/bin/passwd /usr/sbin/chgpasswd /usr/sbin/chpasswd /usr/sbin/cppw /usr/sbin/groupadd /usr/sbin/groupdel /usr/sbin/groupmems /usr/sbin/groupmod /usr/sbin/grpck /usr/sbin/grpconv /usr/sbin/grpunconv /usr/sbin/newusers /usr/sbin/pwck /usr/sbin/pwconv /usr/sbin/pwunconv /usr/sbin/useradd /usr/sbin/userdel /usr/sbin/usermod /usr/sbin/vipw /usr/sbin/cpgr /usr/sbin/vigr|base
patch|2.7.6-7+deb12u1|246|123080|libc6||/usr/bin/patch|
perl|5.36.0-7+deb12u4|670|239392|dpkg perl-base perl-modules-5.36 libperl5.36|netbase|/usr/bin/corelist /usr/bin/cpan /usr/bin/enc2xs /usr/bin/encguess /usr/bin/h2ph /usr/bin/h2xs /usr/bin/instmodsh /usr/bin/json_pp /usr/bin/libnetcfg /usr/bin/perlbug /usr/bin/perldoc /usr/bin/perlivp /usr/bin/perlthanks /usr/bin/piconv /usr/bin/pl2pm /usr/bin/pod2html /usr/bin/pod2man /usr/bin/pod2text /usr/bin/pod2usage /usr/bin/podchecker /usr/bin/prove /usr/bin/ptar /usr/bin/ptardiff /usr/bin/ptargrep /usr/bin/shasum /usr/bin/splain /usr/bin/streamzip /usr/bin/xsubpp /usr/bin/zipdetails|
perl-base|5.36.0-7+deb12u4|7643|1609596|libc6 libcrypt1 dpkg||/usr/bin/perl /usr/bin/perl5.36.0|base
perl-modules-5.36|5.36.0-7+deb12u4|17821|2817356|dpkg perl-base|perl||
pinentry-curses|1.2.1-1|140|77448|libassuan0 libc6 libgpg-error0 libncursesw6 libtinfo6||/usr/bin/pinentry-curses|
pkg-config|1.8.1-1|29|13688|pkgconf|||same
pkgconf|1.8.1-1|65|25892|pkgconf-bin||/usr/bin/pkg-config /usr/bin/x86_64-linux-gnu-pkg-config /usr/bin/x86_64-linux-gnu-pkgconf|same
pkgconf-bin|1.8.1-1|81|29472|libc6 libpkgconf3||/usr/bin/pkgconf|
polkitd|122-3|470|112024|adduser dbus libpam-systemd xml-core libc6 libduktape207 libexpat1 libglib2.0-0 libpam0g libpolkit-agent-1-0 libpolkit-gobject-1-0 libsystemd0||/usr/bin/pkaction /usr/bin/pkcheck /usr/bin/pkttyagent|
postgresql-client|15+248+deb12u2|16|10340|postgresql-client-15|||
postgresql-client-15|15.20-0+deb12u1|8615|1778868|libpq5 postgresql-client-common sensible-utils libc6 liblz4-1 libreadline8 libssl3 libzstd1 zlib1g|||
postgresql-client-common|248+deb12u2|130|35284|netbase perl||/usr/bin/clusterdb /usr/bin/createdb /usr/bin/createlang /usr/bin/createuser /usr/bin/dropdb /usr/bin/droplang /usr/bin/dropuser /usr/bin/pg_basebackup /usr/bin/pg_dump /usr/bin/pg_dumpall /usr/bin/pg_isready /usr/bin/pg_receivewal /usr/bin/pg_receivexlog /usr/bin/pg_recvlogical /usr/bin/pg_restore /usr/bin/pgbench /usr/bin/psql /usr/bin/reindexdb /usr/bin/vacuumdb /usr/bin/vacuumlo|
procps|2:4.0.2-3|2091|708712|libc6 libncursesw6 libproc2-0 libtinfo6 init-system-helpers|psmisc|/bin/kill /bin/ps /sbin/sysctl /usr/bin/free /usr/bin/pgrep /usr/bin/pidwait /usr/bin/pmap /usr/bin/pwdx /usr/bin/skill /usr/bin/slabtop /usr/bin/tload /usr/bin/top /usr/bin/uptime /usr/bin/vmstat /usr/bin/w /usr/bin/watch /usr/bin/pkill /usr/bin/snice|
psmisc|23.6-1|909|258696|libc6 libtinfo6||/bin/fuser /usr/bin/killall /usr/bin/peekfd /usr/bin/prtstat /usr/bin/pslog /usr/bin/pstree /usr/bin/pstree.x11|
publicsuffix|20230209.2326-1|339|126380||||
python-apt-common|2.6.0|527|64296||||
python3|3.11.2-1+b1|81|26300|python3-minimal python3.11 libpython3-stdlib||/usr/bin/pdb3 /usr/bin/pydoc3 /usr/bin/pygettext3|
python3-apt|2.6.0|685|158528|python3 libapt-pkg6.0 libc6 libgcc-s1 libstdc++6 python-apt-common distro-info-data|lsb-release iso-codes||
python3-blinker|1.5-1|58|14652|python3|||
python3-cffi-backend|1.15.1-5+b1|213|84552|python3 libc6 libffi8|||same
python3-cryptography|38.0.4-3+deb12u1|2983|665368|python3 python3-cffi-backend libc6 libgcc-s1 libssl3|||
python3-dbus|1.3.2-4+b1|405|95104|python3 libc6 libdbus-1-3 libglib2.0-0|python3-gi||
python3-dev|3.11.2-1+b1|155|26180|python3 libpython3-dev python3.11-dev python3-distutils libjs-sphinxdoc||/usr/bin/python3-config|
python3-distro|1.8.0-1|83|20520|lsb-release python3|||
python3-distutils|3.11.2-3|638|130936|python3 python3-lib2to3|||
python3-gi|3.42.2-3+b1|730|219356|gir1.2-glib-2.0 python3 libc6 libffi8 libgirepository-1.0-1 libglib2.0-0|||
python3-httplib2|0.20.4-3+deb12u1|141|39032|ca-certificates python3-pyparsing python3|||
python3-importlib-metadata|4.12.0-1|79|24892|python3-typing-extensions python3-zipp python3|||
python3-jwt|2.6.0-1+deb12u1|103|27080|python3|python3-cryptography||
python3-lazr.restfulclient|0.14.5-1|178|50428|python3-httplib2 python3-lazr.uri python3-wadllib python3-distro python3-importlib-metadata python3-oauthlib python3-pkg-resources python3-six python3|||
python3-lazr.uri|1.0.6-3|73|13688|python3-importlib-metadata python3-pkg-resources python3|||
python3-lib2to3|3.11.2-3|365|76284|python3|||
python3-minimal|3.11.2-1+b1|111|26312|python3.11-minimal dpkg||/usr/bin/py3clean /usr/bin/py3compile /usr/bin/py3versions /usr/bin/python3|
python3-more-itertools|8.10.0-2|226|53016|python3|||
python3-oauthlib|3.2.2-1|562|95416|python3 python3-blinker python3-cryptography python3-jwt|||
python3-pip|23.0.1+dfsg-1|6678|1324972|ca-certificates python3-distutils python3-setuptools python3-wheel python3|build-essential python3-dev|/usr/bin/pip /usr/bin/pip3 /usr/bin/pip3.11|
python3-pip-whl|23.0.1+dfsg-1|1747|1717296|ca-certificates|||
python3-pkg-resources|66.1.1-1+deb12u2|1052|296604|python3|||
python3-pyparsing|3.0.9-1|453|138444|python3|||
python3-setuptools|66.1.1-1+deb12u2|2534|521580|python3-pkg-resources python3-distutils python3|||
python3-setuptools-whl|66.1.1-1+deb12u2|1316|1112076||||
python3-six|1.16.0-4|63|17516|python3|||
python3-software-properties|0.99.30-4.1~deb12u1|143|32864|gpg iso-codes lsb-release python3 python3-apt python3-gi python3-lazr.restfulclient|||
python3-typing-extensions|4.4.0-1|229|45180|python3|||
python3-venv|3.11.2-1+b1|6|1200|python3.11-venv python3 python3-distutils|||
python3-wadllib|1.3.6-4|363|37196|python3-importlib-metadata python3-lazr.uri python3-pkg-resources python3|||
python3-wheel|0.38.4-2|131|30808|python3-distutils python3|||
python3-zipp|1.0.0-6+deb12u1|28|7428|python3-more-itertools python3|||
python3.11|3.11.2-6+deb12u9|651|575032|python3.11-minimal libpython3.11-stdlib media-types|ca-certificates|/usr/bin/pydoc3.11 /usr/bin/pygettext3.11 /usr/bin/pdb3.11|
python3.11-dev|3.11.2-6+deb12u9|619|619256|python3.11 libpython3.11-dev libpython3.11|libc6-dev|/usr/bin/python3.11-config|
python3.11-minimal|3.11.2-6+deb12u9|6743|2054684|libc6 libpython3.11-minimal libexpat1 zlib1g|python3.11|/usr/bin/python3.11|
python3.11-venv|3.11.2-6+deb12u9|28|5896|python3.11 python3-pip-whl python3-setuptools-whl python3-distutils|||
readline-common|8.2-1.3|89|68988|dpkg|||
redis-tools|5:7.0.15-1~deb12u10|5837|991988|adduser libatomic1 libc6 libjemalloc2 liblzf1 libssl3 libsystemd0||/usr/bin/redis-cli|
rpcsvc-proto|1.4.3-1|246|63268|libc6||/usr/bin/rpcgen|
rsync|3.5.0+ds1-0+deb12u1|937|498456|init-system-helpers libacl1 libc6 liblz4-1 libpopt0 libssl3 libxxhash0 libzstd1 zlib1g||/usr/bin/rsync|
sed|4.9-1+deb12u1|987|329092|libacl1 libc6 libselinux1||/bin/sed|base
sensible-utils|0.0.17+nmu1|56|19020|||/usr/bin/select-editor /usr/bin/sensible-browser /usr/bin/sensible-editor /usr/bin/sensible-pager|
sgml-base|1.31|70|15372|dpkg||/usr/sbin/install-sgmlcatalog /usr/sbin/update-catalog|
shared-mime-info|2.2-1|5030|728896|libc6 libglib2.0-0 libxml2||/usr/bin/update-mime-database|
software-properties-common|0.99.30-4.1~deb12u1|450|62100|ca-certificates gir1.2-glib-2.0 gir1.2-packagekitglib-1.0 packagekit python-apt-common python3 python3-dbus python3-gi python3-software-properties||/usr/bin/add-apt-repository /usr/bin/apt-add-repository|
sqlite3|3.40.1-2+deb12u2|533|353348|libc6 libreadline8 libsqlite3-0 zlib1g||/usr/bin/sqlite3|
sudo|1.9.13p3-1+deb12u4|6055|1890344|init-system-helpers libaudit1 libc6 libpam0g libselinux1 zlib1g libpam-modules||/usr/bin/sudo|
supervisor|4.2.5-1|1707|310800|init-system-helpers lsb-base python3-pkg-resources python3||/usr/bin/supervisord /usr/bin/supervisorctl|
systemd|252.39-1~deb12u2|9668|3043940|libblkid1 libc6 libcap2 libgcrypt20 liblz4-1 liblzma5 libmount1 libselinux1 libssl3 libzstd1 libacl1 libaudit1 libcryptsetup12 libfdisk1 libkmod2 libp11-kit0 libseccomp2 libsystemd-shared libsystemd0 mount|dbus systemd-timesyncd|/bin/journalctl /bin/loginctl /bin/networkctl /bin/systemctl /bin/systemd-ask-password /bin/systemd-creds /bin/systemd-escape /bin/systemd-firstboot /bin/systemd-inhibit /bin/systemd-machine-id-setup /bin/systemd-notify /bin/systemd-repart /bin/systemd-sysext /bin/systemd-sysusers /bin/systemd-tmpfiles /bin/systemd-tty-ask-password-agent /usr/bin/busctl /usr/bin/hostnamectl /usr/bin/kernel-install /usr/bin/localectl /usr/bin/systemd-analyze /usr/bin/systemd-cat /usr/bin/systemd-cgls /usr/bin/systemd-cgtop /usr/bin/systemd-cryptenroll /usr/bin/systemd-delta /usr/bin/systemd-detect-virt /usr/bin/systemd-id128 /usr/bin/systemd-mount /usr/bin/systemd-path /usr/bin/systemd-run /usr/bin/systemd-socket-activate /usr/bin/systemd-stdio-bridge /usr/bin/timedatectl /bin/systemd /usr/bin/systemd-umount|
systemd-sysv|252.39-1~deb12u2|74|42884|systemd|libpam-systemd libnss-systemd|/sbin/halt /sbin/init /sbin/poweroff /sbin/reboot /sbin/runlevel /sbin/shutdown /sbin/telinit|
systemd-timesyncd|252.39-1~deb12u2|148|64060|libc6 libsystemd-shared systemd|||
sysvinit-utils|3.06-4|100|30996|libc6||/sbin/fstab-decode /sbin/killall5 /bin/pidof|base
tar|1.34+dfsg-1.2+deb12u1|3144|836288|libacl1 libc6 libselinux1||/bin/tar /usr/sbin/rmt-tar /usr/sbin/tarcat|base
telnet|0.17+2.4-2+deb12u3|54|41896|inetutils-telnet||/usr/bin/telnet.netkit|
tini|0.19.0-1+b3|731|267204|libc6||/usr/bin/tini /usr/bin/tini-static|
tzdata|2026f-0+deb12u1|2571|307832|debconf|||base
unzip|6.0-28+deb12u1|380|166504|libbz2-1.0 libc6||/usr/bin/funzip /usr/bin/unzip /usr/bin/unzipsfx /usr/bin/zipgrep /usr/bin/zipinfo|
usr-is-merged|37~deb12u1|13|5616||||base
util-linux|2.38.1-5+deb12u3|4978|1177276|libblkid1 libc6 libcap-ng0 libcrypt1 libmount1 libpam0g libselinux1 libsmartcols1 libsystemd0 libtinfo6 libudev1 libuuid1 zlib1g util-linux-extra|sensible-utils|/bin/dmesg /bin/findmnt /bin/lsblk /bin/more /bin/mountpoint /bin/su /bin/wdctl /sbin/agetty /sbin/blkdiscard /sbin/blkid /sbin/blkzone /sbin/blockdev /sbin/chcpu /sbin/ctrlaltdel /sbin/findfs /sbin/fsck /sbin/fsck.cramfs /sbin/fsck.minix /sbin/fsfreeze /sbin/fstrim /sbin/isosize /sbin/mkfs /sbin/mkfs.bfs /sbin/mkfs.cramfs /sbin/mkfs.minix /sbin/mkswap /sbin/pivot_root /sbin/runuser /sbin/sulogin /sbin/swaplabel /sbin/switch_root /sbin/wipefs /sbin/zramctl /usr/bin/addpart /usr/bin/choom /usr/bin/chrt /usr/bin/delpart /usr/bin/fallocate /usr/bin/flock /usr/bin/getopt /usr/bin/hardlink /usr/bin/ionice /usr/bin/ipcmk /usr/bin/ipcrm /usr/bin/ipcs /usr/bin/last /usr/bin/lscpu /usr/bin/lsipc /usr/bin/lslocks /usr/bin/lslogins /usr/bin/lsmem /usr/bin/lsns /usr/bin/mcookie /usr/bin/mesg /usr/bin/namei /usr/bin/nsenter /usr/bin/partx /usr/bin/prlimit /usr/bin/rename.ul /usr/bin/resizepart /usr/bin/rev /usr/bin/setarch /usr/bin/setpriv /usr/bin/setsid /usr/bin/setterm /usr/bin/taskset /usr/bin/uclampset /usr/bin/unshare /usr/bin/utmpdump /usr/bin/whereis /usr/sbin/chmem /usr/sbin/ldattach /usr/sbin/readprofile /usr/sbin/rtcwake /sbin/getty /usr/bin/i386 /usr/bin/lastb /usr/bin/linux32 /usr/bin/linux64 /usr/bin/x86_64|base
util-linux-extra|2.38.1-5+deb12u3|366|110728|libaudit1 libc6 libsmartcols1||/sbin/hwclock /usr/bin/fincore /usr/bin/lsfd /usr/bin/lsirq|base
uuid-runtime|2.38.1-5+deb12u3|174|48232|libuuid1 init-system-helpers adduser libc6 libsmartcols1 libsystemd0|||
vim|2:9.0.1378-2+deb12u2|3650|1567756|vim-common vim-runtime libacl1 libc6 libgpm2 libselinux1 libsodium23 libtinfo6||/usr/bin/vim.basic|
vim-common|2:9.0.1378-2+deb12u2|245|124836||xxd vim|/usr/bin/helpztags|
vim-runtime|2:9.0.1378-2+deb12u2|36406|7026844||vim|/usr/bin/vimtutor|
wget|1.21.3-1+deb12u1|3521|937340|libc6 libgnutls30 libidn2-0 libnettle8 libpcre2-8-0 libpsl5 libuuid1 zlib1g|ca-certificates|/usr/bin/wget|
xauth|1:1.1.2-1|81|35960|libc6 libx11-6 libxau6 libxext6 libxmuu1||/usr/bin/xauth|
xdg-user-dirs|0.18-1|376|54396|libc6||/usr/bin/xdg-user-dir /usr/bin/xdg-user-dirs-update|
xml-core|0.18+nmu1|118|23752|sed sgml-base||/usr/bin/dh_installxmlcatalogs /usr/sbin/update-xmlcatalog|
xxd|2:9.0.1378-2+deb12u2|135|84116|libc6||/usr/bin/xxd|
xz-utils|5.4.1-1+deb12u2|1226|471448|libc6 liblzma5||/usr/bin/lzmainfo /usr/bin/xz /usr/bin/xzdiff /usr/bin/xzgrep /usr/bin/xzless /usr/bin/xzmore /usr/bin/unxz /usr/bin/xzcat /usr/bin/xzcmp /usr/bin/xzegrep /usr/bin/xzfgrep|
zip|3.0-13+deb12u1|616|230316|libbz2-1.0 libc6|unzip|/usr/bin/zip /usr/bin/zipcloak /usr/bin/zipnote /usr/bin/zipsplit|
zlib1g|1:1.2.13.dfsg-1+deb12u1|168|86880|libc6|||base same
zlib1g-dev|1:1.2.13.dfsg-1+deb12u1|1310|916496|zlib1g libc6-dev|||same
`;
