/**
 * Lint rules as data. BuildKit's build checks keep BuildKit's id, URL and exact English message
 * (frontend/dockerfile/linter/ruleset.go); Layerlab's teaching rules explain build-cache behaviour.
 * Messages use {0}, {1} placeholders filled by the checker. To add a rule: add an entry here, then a
 * check in lintDockerfile.ts that calls `report(ruleId, range, args, fix?)`.
 */

export interface LintRule {
  id: string;
  source: 'buildkit' | 'layerlab';
  severity: 'error' | 'warning' | 'info';
  /** BuildKit docs URL (BuildKit rules only). */
  url?: string;
  /** One-line summary (BuildKit's Description for BuildKit rules). */
  description: { en: string; ko: string };
  message: { en: string; ko: string };
  why: { en: string; ko: string };
  /** Lesson id in src/lessons that teaches the concept. */
  lesson: string;
  /** BuildKit only runs experimental rules when asked (`# check=experimental=...`). */
  experimental?: boolean;
}

const bk = (slug: string) => `https://docs.docker.com/go/dockerfile/rule/${slug}/`;

export const LINT_RULES: readonly LintRule[] = [
  {
    id: 'StageNameCasing',
    source: 'buildkit',
    severity: 'warning',
    url: bk('stage-name-casing'),
    description: { en: 'Stage names should be lowercase', ko: '스테이지 이름은 소문자로 써야 합니다' },
    message: { en: "Stage name '{0}' should be lowercase", ko: "스테이지 이름 '{0}'은(는) 소문자로 써야 합니다" },
    why: {
      en: 'Docker lower-cases stage names anyway; writing them in lower case avoids confusion when you refer to them with COPY --from or --target.',
      ko: 'Docker는 스테이지 이름을 어차피 소문자로 바꿉니다. 처음부터 소문자로 쓰면 COPY --from이나 --target으로 참조할 때 헷갈리지 않습니다.',
    },
    lesson: 'multi-stage-builds',
  },
  {
    id: 'FromAsCasing',
    source: 'buildkit',
    severity: 'warning',
    url: bk('from-as-casing'),
    description: { en: "The 'as' keyword should match the case of the 'from' keyword", ko: "'as' 키워드는 'from' 키워드와 대소문자를 맞춰야 합니다" },
    message: { en: "'{0}' and '{1}' keywords' casing do not match", ko: "'{0}'와(과) '{1}' 키워드의 대소문자가 일치하지 않습니다" },
    why: { en: 'Consistent casing makes the Dockerfile easier to read.', ko: '대소문자를 일관되게 쓰면 Dockerfile을 읽기 쉽습니다.' },
    lesson: 'dockerfile-basics',
  },
  {
    id: 'NoEmptyContinuation',
    source: 'buildkit',
    severity: 'warning',
    url: bk('no-empty-continuation'),
    description: { en: 'Empty continuation lines will become errors in a future release', ko: '빈 연속 줄은 향후 릴리스에서 오류가 됩니다' },
    message: { en: 'Empty continuation line', ko: '빈 연속 줄' },
    why: {
      en: 'A blank line inside a backslash-continued instruction is silently skipped today, but it hides where the instruction really ends and will become an error.',
      ko: '백슬래시로 이어지는 명령 안의 빈 줄은 지금은 조용히 건너뛰지만, 명령이 어디서 끝나는지 알아보기 어렵게 만들고 앞으로는 오류가 됩니다.',
    },
    lesson: 'dockerfile-basics',
  },
  {
    id: 'ConsistentInstructionCasing',
    source: 'buildkit',
    severity: 'warning',
    url: bk('consistent-instruction-casing'),
    description: {
      en: 'All commands within the Dockerfile should use the same casing (either upper or lower)',
      ko: 'Dockerfile의 모든 명령은 같은 대소문자(모두 대문자 또는 모두 소문자)를 써야 합니다',
    },
    message: { en: "Command '{0}' should match the case of the command majority ({1})", ko: "명령 '{0}'은(는) 대다수 명령과 같은 대소문자({1})를 써야 합니다" },
    why: { en: 'Instructions are case-insensitive, but mixing cases makes the file harder to scan.', ko: '명령은 대소문자를 가리지 않지만, 섞어 쓰면 파일을 훑어보기 어렵습니다.' },
    lesson: 'dockerfile-basics',
  },
  {
    id: 'DuplicateStageName',
    source: 'buildkit',
    severity: 'warning',
    url: bk('duplicate-stage-name'),
    description: { en: 'Stage names should be unique', ko: '스테이지 이름은 고유해야 합니다' },
    message: { en: 'Duplicate stage name {0}, stage names should be unique', ko: '스테이지 이름 {0}이(가) 중복됩니다. 스테이지 이름은 고유해야 합니다' },
    why: {
      en: 'With two stages of the same name, COPY --from and --target cannot tell which one you mean.',
      ko: '같은 이름의 스테이지가 둘이면 COPY --from과 --target이 어느 스테이지를 가리키는지 알 수 없습니다.',
    },
    lesson: 'multi-stage-builds',
  },
  {
    id: 'ReservedStageName',
    source: 'buildkit',
    severity: 'warning',
    url: bk('reserved-stage-name'),
    description: { en: 'Reserved words should not be used as stage names', ko: '예약어는 스테이지 이름으로 쓰면 안 됩니다' },
    message: { en: 'Stage name should not use the same name as reserved stage {0}', ko: '스테이지 이름으로 예약된 스테이지 이름 {0}을(를) 쓰면 안 됩니다' },
    why: { en: '"scratch" and "context" already mean something to the builder.', ko: '"scratch"와 "context"는 빌더에서 이미 특별한 의미가 있습니다.' },
    lesson: 'multi-stage-builds',
  },
  {
    id: 'JSONArgsRecommended',
    source: 'buildkit',
    severity: 'warning',
    url: bk('json-args-recommended'),
    description: {
      en: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
      ko: 'OS 시그널 관련 의도치 않은 동작을 막으려면 ENTRYPOINT/CMD에 JSON 인수를 권장합니다',
    },
    message: {
      en: 'JSON arguments recommended for {0} to prevent unintended behavior related to OS signals',
      ko: 'OS 시그널 관련 의도치 않은 동작을 막으려면 {0}에 JSON 인수를 권장합니다',
    },
    why: {
      en: 'Shell form runs your program as a child of /bin/sh -c, so `docker stop` sends SIGTERM to the shell, not to your app: it waits 10 s and is killed.',
      ko: '셸 형식은 프로그램을 /bin/sh -c의 자식으로 실행합니다. 그래서 `docker stop`의 SIGTERM이 앱이 아니라 셸에 전달되고, 10초를 기다린 뒤 강제 종료됩니다.',
    },
    lesson: 'exec-vs-shell-form',
  },
  {
    id: 'MaintainerDeprecated',
    source: 'buildkit',
    severity: 'warning',
    url: bk('maintainer-deprecated'),
    description: {
      en: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
      ko: 'MAINTAINER 명령은 더 이상 권장되지 않습니다. 이미지 작성자는 레이블로 지정하세요',
    },
    message: { en: 'Maintainer instruction is deprecated in favor of using label', ko: 'MAINTAINER 명령 대신 LABEL을 사용하세요' },
    why: {
      en: 'LABEL org.opencontainers.image.authors="..." is the standard way to record the author, and it shows up in docker inspect.',
      ko: 'LABEL org.opencontainers.image.authors="..."가 작성자를 기록하는 표준 방법이며 docker inspect에 표시됩니다.',
    },
    lesson: 'image-metadata',
  },
  {
    id: 'UndefinedArgInFrom',
    source: 'buildkit',
    severity: 'warning',
    url: bk('undefined-arg-in-from'),
    description: { en: 'FROM command must use declared ARGs', ko: 'FROM은 선언된 ARG만 사용해야 합니다' },
    message: { en: "FROM argument '{0}' is not declared{1}", ko: "FROM 인수 '{0}'이(가) 선언되지 않았습니다{1}" },
    why: {
      en: 'FROM only sees ARGs declared before the first FROM; an undeclared one expands to an empty string.',
      ko: 'FROM은 첫 번째 FROM 앞에 선언된 ARG만 볼 수 있습니다. 선언되지 않은 변수는 빈 문자열이 됩니다.',
    },
    lesson: 'build-args',
  },
  {
    id: 'WorkdirRelativePath',
    source: 'buildkit',
    severity: 'warning',
    url: bk('workdir-relative-path'),
    description: {
      en: 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
      ko: '빌드 안에서 절대 경로 WORKDIR 없이 상대 경로를 쓰면 베이스 이미지가 바뀔 때 예상치 못한 결과가 생길 수 있습니다',
    },
    message: { en: 'Relative workdir {0} can have unexpected results if the base image changes', ko: '상대 경로 WORKDIR {0}은(는) 베이스 이미지가 바뀌면 예상치 못한 결과를 낼 수 있습니다' },
    why: {
      en: "A relative WORKDIR is resolved against the base image's working directory, which you do not control.",
      ko: '상대 경로 WORKDIR은 베이스 이미지의 작업 디렉터리를 기준으로 정해지는데, 이는 여러분이 정하는 값이 아닙니다.',
    },
    lesson: 'dockerfile-basics',
  },
  {
    id: 'UndefinedVar',
    source: 'buildkit',
    severity: 'warning',
    url: bk('undefined-var'),
    description: { en: 'Variables should be defined before their use', ko: '변수는 사용하기 전에 정의해야 합니다' },
    message: { en: "Usage of undefined variable '${0}'{1}", ko: "정의되지 않은 변수 '${0}'을(를) 사용했습니다{1}" },
    why: {
      en: 'An undefined variable silently expands to an empty string, which is rarely what you meant.',
      ko: '정의되지 않은 변수는 조용히 빈 문자열이 되며, 대개 의도한 결과가 아닙니다.',
    },
    lesson: 'build-args',
  },
  {
    id: 'MultipleInstructionsDisallowed',
    source: 'buildkit',
    severity: 'warning',
    url: bk('multiple-instructions-disallowed'),
    description: {
      en: 'Multiple instructions of the same type should not be used in the same stage',
      ko: '같은 스테이지에서 같은 종류의 명령을 여러 번 쓰면 안 됩니다',
    },
    message: {
      en: 'Multiple {0} instructions should not be used in the same stage because only the last one will be used',
      ko: '같은 스테이지에 {0} 명령이 여러 개 있으면 마지막 것만 사용됩니다',
    },
    why: { en: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK takes effect; the earlier ones are dead code.', ko: 'CMD, ENTRYPOINT, HEALTHCHECK는 마지막 것만 적용되고 앞의 것은 쓸모가 없습니다.' },
    lesson: 'exec-vs-shell-form',
  },
  {
    id: 'LegacyKeyValueFormat',
    source: 'buildkit',
    severity: 'warning',
    url: bk('legacy-key-value-format'),
    description: { en: 'Legacy key/value format with whitespace separator should not be used', ko: '공백으로 구분하는 옛 키/값 형식은 쓰지 않아야 합니다' },
    message: { en: '"{0} key=value" should be used instead of legacy "{0} key value" format', ko: '옛 "{0} key value" 형식 대신 "{0} key=value" 형식을 쓰세요' },
    why: {
      en: '`ENV A B C=d` sets A to "B C=d": everything after the first space is the value. The key=value form says what you mean.',
      ko: '`ENV A B C=d`는 A를 "B C=d"로 설정합니다. 첫 공백 뒤가 모두 값이 되기 때문입니다. key=value 형식이 의도를 분명히 보여 줍니다.',
    },
    lesson: 'env-and-arg',
  },
  {
    id: 'SecretsUsedInArgOrEnv',
    source: 'buildkit',
    severity: 'warning',
    url: bk('secrets-used-in-arg-or-env'),
    description: { en: 'Sensitive data should not be used in the ARG or ENV commands', ko: '민감한 데이터는 ARG나 ENV 명령에 쓰면 안 됩니다' },
    message: { en: 'Do not use ARG or ENV instructions for sensitive data ({0} {1})', ko: '민감한 데이터에 ARG나 ENV 명령을 쓰지 마세요 ({0} {1})' },
    why: {
      en: 'ARG and ENV values are stored in the image history and config: anyone with the image can read them. Use build secrets (RUN --mount=type=secret).',
      ko: 'ARG와 ENV 값은 이미지 히스토리와 설정에 저장되어 이미지를 가진 누구나 읽을 수 있습니다. 빌드 시크릿(RUN --mount=type=secret)을 쓰세요.',
    },
    lesson: 'env-and-arg',
  },
  {
    id: 'InvalidDefaultArgInFrom',
    source: 'buildkit',
    severity: 'warning',
    url: bk('invalid-default-arg-in-from'),
    description: {
      en: 'Default value for global ARG results in an empty or invalid base image name',
      ko: '전역 ARG의 기본값으로는 베이스 이미지 이름이 비거나 올바르지 않게 됩니다',
    },
    message: { en: 'Default value for ARG {0} results in empty or invalid base image name', ko: 'ARG {0}의 기본값으로는 베이스 이미지 이름이 비거나 올바르지 않습니다' },
    why: { en: 'Without --build-arg the build would fail; give the ARG a sensible default.', ko: '--build-arg 없이 빌드하면 실패합니다. ARG에 적절한 기본값을 주세요.' },
    lesson: 'build-args',
  },
  {
    id: 'RedundantTargetPlatform',
    source: 'buildkit',
    severity: 'warning',
    url: bk('redundant-target-platform'),
    description: {
      en: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
      ko: 'FROM에서 플랫폼을 미리 정의된 $TARGETPLATFORM으로 지정하는 것은 기본 동작과 같아 불필요합니다',
    },
    message: {
      en: 'Setting platform to predefined {0} in FROM is redundant as this is the default behavior',
      ko: 'FROM에서 플랫폼을 미리 정의된 {0}(으)로 지정하는 것은 기본 동작과 같아 불필요합니다',
    },
    why: { en: 'Stages are built for the target platform by default.', ko: '스테이지는 기본적으로 대상 플랫폼용으로 빌드됩니다.' },
    lesson: 'multi-stage-builds',
  },
  {
    id: 'FromPlatformFlagConstDisallowed',
    source: 'buildkit',
    severity: 'warning',
    url: bk('from-platform-flag-const-disallowed'),
    description: { en: 'FROM --platform flag should not use a constant value', ko: 'FROM --platform 플래그에 상수 값을 쓰면 안 됩니다' },
    message: { en: 'FROM --platform flag should not use constant value {0}', ko: 'FROM --platform 플래그에 상수 값 {0}을(를) 쓰면 안 됩니다' },
    why: { en: 'A hard-coded platform breaks multi-platform builds; use $BUILDPLATFORM or $TARGETPLATFORM.', ko: '플랫폼을 고정하면 멀티 플랫폼 빌드가 깨집니다. $BUILDPLATFORM이나 $TARGETPLATFORM을 쓰세요.' },
    lesson: 'multi-stage-builds',
  },
  {
    id: 'ExposeProtoCasing',
    source: 'buildkit',
    severity: 'warning',
    url: bk('expose-proto-casing'),
    description: { en: 'Protocol in EXPOSE instruction should be lowercase', ko: 'EXPOSE 명령의 프로토콜은 소문자로 써야 합니다' },
    message: { en: "Defined protocol '{0}' in EXPOSE instruction should be lowercase", ko: "EXPOSE 명령에 정의된 프로토콜 '{0}'은(는) 소문자로 써야 합니다" },
    why: { en: 'Docker expects tcp/udp/sctp in lower case.', ko: 'Docker는 tcp/udp/sctp를 소문자로 기대합니다.' },
    lesson: 'ports-and-networking',
  },
  {
    id: 'ExposeInvalidFormat',
    source: 'buildkit',
    severity: 'warning',
    url: bk('expose-invalid-format'),
    description: {
      en: 'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
      ko: 'EXPOSE 명령에 IP 주소나 호스트 포트 매핑을 쓰면 안 됩니다. 향후 릴리스에서 오류가 됩니다',
    },
    message: {
      en: "EXPOSE instruction should not define an IP address or host-port mapping, found '{0}'",
      ko: "EXPOSE 명령에 IP 주소나 호스트 포트 매핑을 정의하면 안 됩니다. 발견된 값: '{0}'",
    },
    why: {
      en: 'EXPOSE only documents the container port. Publishing to the host happens at run time with docker run -p.',
      ko: 'EXPOSE는 컨테이너 포트를 문서화할 뿐입니다. 호스트에 공개하는 것은 실행할 때 docker run -p로 합니다.',
    },
    lesson: 'ports-and-networking',
  },
  {
    id: 'CopyIgnoredFile',
    source: 'buildkit',
    severity: 'warning',
    url: bk('copy-ignored-file'),
    description: { en: 'Attempting to Copy file that is excluded by .dockerignore', ko: '.dockerignore로 제외된 파일을 복사하려고 합니다' },
    message: { en: 'Attempting to {0} file {1} that is excluded by .dockerignore', ko: '.dockerignore로 제외된 파일 {1}을(를) {0}하려고 합니다' },
    why: {
      en: 'Files matched by .dockerignore are not sent to the builder, so this COPY/ADD fails or copies nothing.',
      ko: '.dockerignore에 걸린 파일은 빌더로 전송되지 않으므로, 이 COPY/ADD는 실패하거나 아무것도 복사하지 않습니다.',
    },
    lesson: 'dockerignore',
  },
  // ---- Layerlab rules ----
  {
    id: 'UnresolvableBaseImage',
    source: 'layerlab',
    severity: 'error',
    description: { en: 'The base image cannot be found', ko: '베이스 이미지를 찾을 수 없습니다' },
    message: { en: 'The build will fail at this FROM: {0}', ko: '빌드가 이 FROM에서 실패합니다: {0}' },
    why: {
      en: 'A build starts by resolving each base image. A tag or repository the registry does not have stops the build before any step runs.',
      ko: '빌드는 먼저 각 베이스 이미지를 찾습니다. 레지스트리에 없는 태그나 저장소라면 어떤 단계도 실행되기 전에 빌드가 멈춥니다.',
    },
    lesson: 'images-and-tags',
  },
  // ---- Layerlab teaching rules (build cache) ----
  {
    id: 'CopyAllBeforeDependencyInstall',
    source: 'layerlab',
    severity: 'warning',
    description: {
      en: 'Copying the whole context before installing dependencies breaks the dependency cache',
      ko: '의존성 설치 전에 빌드 컨텍스트 전체를 복사하면 의존성 캐시가 깨집니다',
    },
    message: {
      en: '"{0}" comes before "{1}": any source change invalidates the dependency install. Copy {2} first, install, then copy the rest.',
      ko: '"{0}"이(가) "{1}"보다 앞에 있어 소스가 조금만 바뀌어도 의존성 설치를 다시 합니다. {2}을(를) 먼저 복사해 설치한 뒤 나머지를 복사하세요.',
    },
    why: {
      en: "A COPY step's cache key is the checksum of the files it copies. After a cache miss every later step is rebuilt, so editing one source file re-runs the whole install.",
      ko: 'COPY 단계의 캐시 키는 복사하는 파일들의 체크섬입니다. 캐시 미스가 나면 그 뒤 단계는 모두 다시 빌드되므로, 소스 파일 하나만 고쳐도 설치 전체가 다시 실행됩니다.',
    },
    lesson: 'layer-cache-order',
  },
  {
    id: 'VolatileCopyBeforeStableStep',
    source: 'layerlab',
    severity: 'info',
    description: {
      en: 'Frequently edited files are copied before a rarely changing step',
      ko: '자주 바뀌는 파일을 거의 바뀌지 않는 단계보다 먼저 복사합니다',
    },
    message: {
      en: '"{0}" copies files you edit often, and the later "{1}" does not need them: every edit re-runs it. Move that step above the COPY.',
      ko: '"{0}"은(는) 자주 고치는 파일을 복사하는데, 뒤의 "{1}"은(는) 그 파일이 필요 없습니다. 고칠 때마다 다시 실행되니 그 단계를 COPY 위로 옮기세요.',
    },
    why: {
      en: 'Order steps from least to most frequently changing: once one step misses the cache, all following steps are rebuilt.',
      ko: '단계는 덜 바뀌는 것부터 자주 바뀌는 것 순으로 두세요. 한 단계에서 캐시 미스가 나면 그 뒤 단계는 모두 다시 빌드됩니다.',
    },
    lesson: 'layer-cache-order',
  },
  {
    id: 'AptGetUpdateAlone',
    source: 'layerlab',
    severity: 'warning',
    description: { en: 'Package index update in its own RUN', ko: '패키지 목록 업데이트가 별도의 RUN에 있습니다' },
    message: {
      en: '"{0}" runs alone: its cached layer keeps an old package index, so a later install can fail or get stale versions. Combine it with the install in one RUN.',
      ko: '"{0}"이(가) 혼자 실행됩니다. 캐시된 레이어에 오래된 패키지 목록이 남아 나중의 설치가 실패하거나 오래된 버전을 받을 수 있습니다. 설치와 같은 RUN에서 실행하세요.',
    },
    why: {
      en: 'The cache key of a RUN is its command text. "apt-get update" never changes, so its layer is reused forever while the install line changes.',
      ko: 'RUN의 캐시 키는 명령 문자열입니다. "apt-get update"는 문자열이 바뀌지 않으므로, 설치 줄이 바뀌어도 그 레이어는 계속 재사용됩니다.',
    },
    lesson: 'layer-cache-order',
  },
  {
    id: 'MergeableMetadata',
    source: 'layerlab',
    severity: 'info',
    description: { en: 'Consecutive metadata instructions could be merged', ko: '연속된 메타데이터 명령을 합칠 수 있습니다' },
    message: {
      en: '{0} consecutive {1} instructions could be one: each is a separate build step (and a separate image in the classic builder).',
      ko: '연속된 {1} 명령 {0}개를 하나로 합칠 수 있습니다. 각각 별도의 빌드 단계(클래식 빌더에서는 별도의 이미지)가 됩니다.',
    },
    why: {
      en: 'ENV and LABEL do not add filesystem layers, but each one is a step with its own history entry; one instruction is easier to read.',
      ko: 'ENV와 LABEL은 파일시스템 레이어를 만들지 않지만, 각각이 히스토리 항목을 가진 단계입니다. 하나로 쓰면 읽기도 쉽습니다.',
    },
    lesson: 'layers-and-metadata',
  },
  {
    id: 'AddInsteadOfCopy',
    source: 'layerlab',
    severity: 'warning',
    description: { en: 'ADD used where COPY suffices', ko: 'COPY로 충분한 곳에 ADD를 사용했습니다' },
    message: {
      en: 'ADD {0} only copies local files: use COPY. ADD also fetches URLs and unpacks archives, which can surprise you.',
      ko: 'ADD {0}은(는) 로컬 파일을 복사할 뿐입니다. COPY를 쓰세요. ADD는 URL을 내려받고 압축을 풀기도 해서 예상과 다르게 동작할 수 있습니다.',
    },
    why: { en: 'COPY does exactly one thing; ADD auto-extracts local tar archives and downloads URLs.', ko: 'COPY는 딱 한 가지 일만 합니다. ADD는 로컬 tar 파일을 자동으로 풀고 URL을 내려받습니다.' },
    lesson: 'copy-and-add',
  },
  {
    id: 'UnpinnedBaseImage',
    source: 'layerlab',
    severity: 'warning',
    description: { en: 'Base image without a tag or with :latest', ko: '태그가 없거나 :latest인 베이스 이미지' },
    message: {
      en: "Base image '{0}' is not pinned: 'latest' moves, so the same Dockerfile can build something different tomorrow. Use a version tag.",
      ko: "베이스 이미지 '{0}'의 버전이 고정되지 않았습니다. 'latest'는 계속 바뀌므로 같은 Dockerfile이 내일은 다른 결과를 낼 수 있습니다. 버전 태그를 쓰세요.",
    },
    why: {
      en: 'An untagged image means :latest. Pin a version (node:20-alpine) so builds are reproducible and cache hits mean the same thing.',
      ko: '태그가 없으면 :latest입니다. 버전(node:20-alpine)을 고정해야 빌드를 재현할 수 있고 캐시 적중의 의미도 같아집니다.',
    },
    lesson: 'images-and-tags',
  },
];

export const RULES_BY_ID: ReadonlyMap<string, LintRule> = new Map(LINT_RULES.map((r) => [r.id, r]));

const compiled = new Map<string, (string | number)[]>();

/** Fills {0}, {1}... placeholders (templates are split once and cached: lint can report thousands). */
export function fillMessage(template: string, args: readonly string[]): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\d)\}/).map((p, i) => (i % 2 ? Number(p) : p));
    compiled.set(template, parts);
  }
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? (args[p] ?? '') : p;
  return out;
}
