/**
 * Hover and completion documentation for every Dockerfile instruction and flag, in English and Korean.
 * Written for Layerlab in our own words.
 */
import type { Lang } from '../i18n/i18n';

export interface DocEntry {
  syntax: string;
  en: string;
  ko: string;
}

export const INSTRUCTION_DOCS: Record<string, DocEntry> = {
  FROM: {
    syntax: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]',
    en: 'Starts a build stage on top of a base image. Its layers sit at the bottom of your image. `AS name` names the stage so later stages can `COPY --from=name`.',
    ko: '베이스 이미지 위에서 빌드 스테이지를 시작합니다. 베이스 이미지의 레이어가 내 이미지의 맨 아래에 놓입니다. `AS 이름`으로 스테이지에 이름을 붙이면 나중 스테이지에서 `COPY --from=이름`으로 쓸 수 있습니다.',
  },
  RUN: {
    syntax: 'RUN [--mount=...] [--network=...] <command>  |  RUN ["exe", "arg"]',
    en: 'Runs a command at build time and saves the changed files as a new layer. Its cache key is the command text (not its result): it reruns only when the text or a layer below changes.',
    ko: '빌드할 때 명령을 실행하고 바뀐 파일을 새 레이어로 저장합니다. 캐시 키는 명령의 결과가 아니라 명령 문자열입니다. 문자열이나 아래 레이어가 바뀔 때만 다시 실행됩니다.',
  },
  CMD: {
    syntax: 'CMD ["executable", "arg"]  |  CMD command arg',
    en: 'The default command a container runs when it starts (not at build time). Only the last CMD counts. Metadata only: no filesystem layer.',
    ko: '컨테이너가 시작될 때 실행할 기본 명령입니다(빌드할 때가 아님). 마지막 CMD만 적용됩니다. 메타데이터만 바꾸며 파일 시스템 레이어를 만들지 않습니다.',
  },
  LABEL: {
    syntax: 'LABEL <key>=<value> ...',
    en: 'Adds key/value metadata to the image. Metadata only.',
    ko: '이미지에 키/값 메타데이터를 추가합니다. 메타데이터만 바꿉니다.',
  },
  MAINTAINER: {
    syntax: 'MAINTAINER <name>',
    en: 'Deprecated: sets the author field. Use `LABEL org.opencontainers.image.authors=...` instead.',
    ko: '더 이상 권장되지 않음: 작성자 필드를 설정합니다. 대신 `LABEL org.opencontainers.image.authors=...`를 쓰세요.',
  },
  EXPOSE: {
    syntax: 'EXPOSE <port>[/<protocol>] ...',
    en: 'Documents which ports the app listens on. It does not publish them: use `docker run -p host:container`.',
    ko: '앱이 듣는 포트를 문서로 남깁니다. 포트를 게시하지는 않습니다. `docker run -p 호스트:컨테이너`를 쓰세요.',
  },
  ENV: {
    syntax: 'ENV <key>=<value> ...',
    en: 'Sets environment variables for later instructions and for containers. Each ENV line is its own step; one ENV with several variables makes one step. `docker run -e` overrides them.',
    ko: '이후 명령어와 컨테이너에서 쓸 환경 변수를 설정합니다. ENV 한 줄이 한 단계이므로 여러 변수를 ENV 하나에 모으면 단계가 하나로 줄어듭니다. `docker run -e`로 덮어쓸 수 있습니다.',
  },
  ADD: {
    syntax: 'ADD [--chown=...] [--chmod=...] [--checksum=...] <src>... <dest>',
    en: 'Like COPY, but can also fetch URLs and unpack local tar archives. Prefer COPY unless you need that.',
    ko: 'COPY와 비슷하지만 URL을 받아오거나 로컬 tar 압축을 풀 수 있습니다. 그럴 필요가 없으면 COPY를 쓰세요.',
  },
  COPY: {
    syntax: 'COPY [--from=<stage|image>] [--chown=...] [--chmod=...] [--link] <src>... <dest>',
    en: 'Copies files from the build context (or another stage) into the image as a new layer. Its cache key includes a checksum of the copied files: change one byte and this step and every step after it rebuild.',
    ko: '빌드 컨텍스트(또는 다른 스테이지)의 파일을 이미지에 새 레이어로 복사합니다. 캐시 키에 복사한 파일의 체크섬이 들어가므로 한 바이트만 바뀌어도 이 단계와 이후 모든 단계가 다시 빌드됩니다.',
  },
  ENTRYPOINT: {
    syntax: 'ENTRYPOINT ["executable", "arg"]',
    en: 'The executable a container always runs; CMD becomes its default arguments. Metadata only.',
    ko: '컨테이너가 항상 실행하는 실행 파일입니다. CMD는 그 기본 인자가 됩니다. 메타데이터만 바꿉니다.',
  },
  VOLUME: {
    syntax: 'VOLUME ["/data"]',
    en: 'Marks a directory as a mount point for volumes. Metadata only.',
    ko: '디렉터리를 볼륨 마운트 지점으로 표시합니다. 메타데이터만 바꿉니다.',
  },
  USER: {
    syntax: 'USER <user>[:<group>]',
    en: 'The user (and group) for later RUN, CMD and ENTRYPOINT. Metadata only.',
    ko: '이후 RUN, CMD, ENTRYPOINT를 실행할 사용자(와 그룹)입니다. 메타데이터만 바꿉니다.',
  },
  WORKDIR: {
    syntax: 'WORKDIR /path',
    en: 'Sets the working directory for later instructions and the container, creating it if needed. Relative paths in COPY and RUN start here.',
    ko: '이후 명령어와 컨테이너의 작업 디렉터리를 정하고, 없으면 만듭니다. COPY와 RUN의 상대 경로는 여기서 시작합니다.',
  },
  ARG: {
    syntax: 'ARG <name>[=<default>]',
    en: 'A build-time variable set with `docker build --build-arg name=value`. Not kept in the running container. Changing its value invalidates the cache of the steps that use it.',
    ko: '`docker build --build-arg 이름=값`으로 정하는 빌드 시점 변수입니다. 실행 중인 컨테이너에는 남지 않습니다. 값이 바뀌면 그 변수를 쓰는 단계의 캐시가 무효가 됩니다.',
  },
  ONBUILD: {
    syntax: 'ONBUILD <INSTRUCTION>',
    en: 'Stores an instruction that runs later, when another Dockerfile uses this image in FROM.',
    ko: '다른 Dockerfile이 이 이미지를 FROM으로 쓸 때 실행할 명령어를 저장해 둡니다.',
  },
  STOPSIGNAL: {
    syntax: 'STOPSIGNAL <signal>',
    en: 'The signal `docker stop` sends to the container (default SIGTERM). Metadata only.',
    ko: '`docker stop`이 컨테이너에 보낼 신호입니다(기본값 SIGTERM). 메타데이터만 바꿉니다.',
  },
  HEALTHCHECK: {
    syntax: 'HEALTHCHECK [--interval=...] [--timeout=...] [--retries=...] CMD <command>  |  HEALTHCHECK NONE',
    en: 'A command Docker runs periodically to check the container is healthy. Metadata only.',
    ko: '컨테이너가 건강한지 주기적으로 확인하는 명령입니다. 메타데이터만 바꿉니다.',
  },
  SHELL: {
    syntax: 'SHELL ["executable", "parameters"]',
    en: 'The shell used by the shell form of RUN, CMD and ENTRYPOINT (default ["/bin/sh", "-c"]).',
    ko: 'RUN, CMD, ENTRYPOINT의 셸 형식에 쓰는 셸입니다(기본값 ["/bin/sh", "-c"]).',
  },
};

/** Flags, keyed by instruction then flag name (without dashes). */
export const FLAG_DOCS: Record<string, Record<string, DocEntry>> = {
  FROM: {
    platform: { syntax: '--platform=<os/arch>', en: 'Pick the base image for another platform, e.g. linux/arm64.', ko: '다른 플랫폼용 베이스 이미지를 고릅니다. 예: linux/arm64.' },
  },
  COPY: {
    from: { syntax: '--from=<stage|image>', en: 'Copy from an earlier build stage (by name or index) or from an image instead of the build context.', ko: '빌드 컨텍스트 대신 앞 빌드 스테이지(이름이나 번호) 또는 이미지에서 복사합니다.' },
    chown: { syntax: '--chown=<user>:<group>', en: 'Owner of the copied files (default root).', ko: '복사한 파일의 소유자입니다(기본값 root).' },
    chmod: { syntax: '--chmod=<perms>', en: 'Permission bits of the copied files, e.g. 755.', ko: '복사한 파일의 권한 비트입니다. 예: 755.' },
    link: { syntax: '--link', en: 'Copy into an independent layer that does not depend on the layers below, so it stays cached when they change.', ko: '아래 레이어에 의존하지 않는 독립 레이어로 복사해서, 아래가 바뀌어도 캐시가 유지되게 합니다.' },
    parents: { syntax: '--parents', en: 'Keep the source paths\u2019 parent directories under the destination.', ko: '대상 아래에 원본 경로의 상위 디렉터리를 그대로 유지합니다.' },
    exclude: { syntax: '--exclude=<pattern>', en: 'Skip files matching the pattern.', ko: '패턴에 맞는 파일을 건너뜁니다.' },
  },
  ADD: {
    chown: { syntax: '--chown=<user>:<group>', en: 'Owner of the added files.', ko: '추가한 파일의 소유자입니다.' },
    chmod: { syntax: '--chmod=<perms>', en: 'Permission bits of the added files.', ko: '추가한 파일의 권한 비트입니다.' },
    checksum: { syntax: '--checksum=sha256:<hex>', en: 'Verify a downloaded file against this checksum.', ko: '내려받은 파일을 이 체크섬으로 검증합니다.' },
    link: { syntax: '--link', en: 'Add into an independent layer.', ko: '독립 레이어에 추가합니다.' },
    'keep-git-dir': { syntax: '--keep-git-dir', en: 'Keep the .git directory when adding a Git repository.', ko: 'Git 저장소를 추가할 때 .git 디렉터리를 유지합니다.' },
    exclude: { syntax: '--exclude=<pattern>', en: 'Skip files matching the pattern.', ko: '패턴에 맞는 파일을 건너뜁니다.' },
  },
  RUN: {
    mount: { syntax: '--mount=type=cache|bind|secret|ssh|tmpfs,...', en: 'Mount a cache, files, a secret or an SSH agent while the command runs; mounted files are not saved in the layer.', ko: '명령이 실행되는 동안 캐시, 파일, 비밀 값, SSH 에이전트를 마운트합니다. 마운트된 파일은 레이어에 저장되지 않습니다.' },
    network: { syntax: '--network=default|none|host', en: 'The network the command runs with.', ko: '명령이 사용할 네트워크입니다.' },
    security: { syntax: '--security=sandbox|insecure', en: 'Run with extra privileges (needs the insecure entitlement).', ko: '추가 권한으로 실행합니다(insecure 권한 필요).' },
  },
  HEALTHCHECK: {
    interval: { syntax: '--interval=30s', en: 'Time between checks.', ko: '검사 사이의 간격입니다.' },
    timeout: { syntax: '--timeout=30s', en: 'How long one check may take.', ko: '검사 한 번에 허용되는 시간입니다.' },
    'start-period': { syntax: '--start-period=0s', en: 'Grace period after start before failures count.', ko: '시작 후 실패를 세기 전의 유예 시간입니다.' },
    'start-interval': { syntax: '--start-interval=5s', en: 'Time between checks during the start period.', ko: '유예 시간 동안의 검사 간격입니다.' },
    retries: { syntax: '--retries=3', en: 'Failures in a row before the container is unhealthy.', ko: '연속으로 몇 번 실패하면 unhealthy가 되는지입니다.' },
  },
};

export function docText(e: DocEntry, lang: Lang): string {
  return lang === 'ko' ? e.ko : e.en;
}
