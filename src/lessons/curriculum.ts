/**
 * The curriculum: every lesson as data. Texts are ours, in Korean and English; docker commands stay in English.
 * Concept numbers refer to the seed list (/work/shared/seeds/README.md); README.md maps them to steps.
 */
import type { LessonDef } from './types';
import * as c from './checks';
import { normalizeRef } from './world';
import { VOLUMES } from './chapters/volumes';
import { NETWORKS } from './chapters/networks';
import { COMPOSE } from './chapters/compose';
import { GO_MULTI_STAGE } from './chapters/goMultiStage';
import { REGISTRY } from './chapters/registry';
import { BUILDKIT_FILES, CACHE_FILES, DOCKERFILE_MORE_FILES, LAB_FILES, MULTI_STAGE_FILES, NODE_APP_FILES, WEB_PING_FILES } from './workspaces';

/** A name pattern starting with w (`web-ping` alone is a name, not a pattern). */
const startsW = (a: string) => /^w[^/]*\*/.test(a.replace(/^['"]|['"]$/g, ''));

export const WEB_PING: LessonDef = {
  id: 'web-ping',
  tag: 'web-ping',
  chapter: 3,
  title: { ko: 'web-ping: 도커 허브에서 내 이미지까지', en: 'web-ping: from Docker Hub to your own image' },
  summary: {
    ko: '레지스트리에서 이미지를 받아 컨테이너로 실행하고, 같은 앱을 Dockerfile로 직접 빌드해요.',
    en: 'Pull an image from a registry, run it as a container, then build the same app yourself from a Dockerfile.',
  },
  files: WEB_PING_FILES,
  setup: [],
  quiz: 'web-ping',
  steps: [
    {
      id: 'pull',
      concepts: [1, 2],
      title: { ko: '레지스트리에서 이미지 받기', en: 'Pull an image from a registry' },
      instructions: {
        ko: '이미지는 레지스트리라는 저장소에서 받아와요. 따로 말하지 않으면 Docker는 공개 레지스트리인 Docker Hub를 써요. `docker image pull diamol/ch03-web-ping` 을 실행하고, 이미지가 파일 하나가 아니라 여러 레이어로 나뉘어 내려오는 것을 지켜보세요. 레이어가 모두 도착해야 이미지를 쓸 수 있어요.',
        en: 'Images come from a store called a registry; unless you name another one, Docker uses Docker Hub, the default public registry. Run `docker image pull diamol/ch03-web-ping` and watch the image arrive as several layers rather than one file. The image is usable only once every layer is there.',
      },
      hint: {
        ko: '터미널을 클릭하고 명령을 입력한 뒤 Enter를 누르세요. 줄마다 레이어 하나가 "Pull complete"로 끝나요. 노트에 나온 `diamol/ch3-web-ping` 은 없는 저장소예요. 그 이름이면 Docker가 `pull access denied for diamol/ch3-web-ping, repository does not exist …` 라고 답해요. 이름은 ch03이에요.',
        en: 'Click the terminal, type the command and press Enter. Each line that ends in "Pull complete" is one layer. The notes\' `diamol/ch3-web-ping` does not exist: Docker answers `pull access denied for diamol/ch3-web-ping, repository does not exist …`. The name is ch03.',
      },
      commands: ['docker image pull diamol/ch03-web-ping'],
      // `docker run` pulls a missing image by itself; this step asks for the pull, so the record must show one.
      check: c.allOf(
        c.imagePresent('diamol/ch03-web-ping', 2),
        c.commandSucceeded('image pull', { arg: (a) => normalizeRef(a) === 'diamol/ch03-web-ping:latest', argLabel: 'diamol/ch03-web-ping' }),
      ),
    },
    {
      id: 'run-detached',
      concepts: [3],
      title: { ko: '이름을 붙여 백그라운드로 실행하기', en: 'Run it in the background, with a name' },
      instructions: {
        ko: '`-d`(--detach)는 컨테이너를 백그라운드에서 돌리고 터미널을 바로 돌려줘요. `--name`은 긴 ID 대신 부를 이름을 붙여요. `docker container run -d --name web-ping diamol/ch03-web-ping` 을 실행하세요. 화면에는 컨테이너 ID만 나와요.',
        en: '`-d` (--detach) runs the container in the background and gives your terminal back at once; `--name` gives it a name to use instead of its long ID. Run `docker container run -d --name web-ping diamol/ch03-web-ping`. All you see is the container ID.',
      },
      hint: {
        ko: '이름이 이미 쓰이고 있다는 오류가 나면 `docker rm -f web-ping` 후 다시 실행하세요. `docker container ls` 로 STATUS를 확인할 수 있어요.',
        en: 'If the name is already in use, run `docker rm -f web-ping` and try again. `docker container ls` shows its STATUS.',
      },
      commands: ['docker container run -d --name web-ping diamol/ch03-web-ping'],
      check: c.containerMatches({ name: 'web-ping', image: 'diamol/ch03-web-ping' }),
    },
    {
      id: 'logs',
      concepts: [4],
      title: { ko: '컨테이너 로그 보기', en: 'Read the container\'s logs' },
      instructions: {
        ko: '백그라운드 컨테이너의 출력은 사라지지 않고 Docker가 모아 둬요. `docker container logs web-ping` 으로 앱이 지금까지 출력한 내용을 보세요. 몇 초 뒤 다시 실행하면 요청 줄이 늘어나 있어요.',
        en: 'A detached container\'s output is not lost: Docker collects it. Run `docker container logs web-ping` to read what the app has printed so far. Run it again a few seconds later and there are more request lines.',
      },
      hint: { ko: '`docker logs web-ping` 도 같은 명령이에요.', en: '`docker logs web-ping` is the same command.' },
      commands: ['docker container logs web-ping'],
      check: c.commandSucceeded('container logs', { arg: (a) => a === 'web-ping', argLabel: 'web-ping', flagsWithValue: ['--tail', '-n', '--since', '--until'] }),
    },
    {
      id: 'remove',
      concepts: [5],
      title: { ko: '실행 중인 컨테이너 지우기', en: 'Remove a running container' },
      instructions: {
        ko: '실행 중인 컨테이너는 그냥 지워지지 않아요. `-f`(force)를 붙이면 멈추고 지우기를 한 번에 해요. `docker rm -f web-ping` 을 실행하세요.',
        en: 'A running container cannot simply be removed; `-f` (force) stops and removes it in one go. Run `docker rm -f web-ping`.',
      },
      hint: { ko: '`-f` 없이 해 보면 어떤 오류가 나는지도 확인해 보세요.', en: 'Try it without `-f` first to see the error Docker gives.' },
      commands: ['docker rm -f web-ping'],
      check: c.containerRemoved('web-ping'),
    },
    {
      id: 'env',
      concepts: [6],
      title: { ko: '환경 변수로 설정 바꾸기', en: 'Change a setting with an environment variable' },
      instructions: {
        ko: '이미지에는 기본 설정(여기서는 TARGET=blog.sixeyed.com)이 들어 있지만, 실행할 때 `--env`(-e)로 바꿀 수 있어요. `docker container run -d --name web-ping --env TARGET=google.com diamol/ch03-web-ping` 을 실행하고 로그에서 대상이 바뀐 것을 확인하세요. 컨테이너의 환경 변수는 호스트 컴퓨터의 것과 별개예요. Docker가 HOSTNAME 같은 값을 직접 넣어 줘요.',
        en: 'The image ships a default (here TARGET=blog.sixeyed.com), but you can override it at run time with `--env` (-e). Run `docker container run -d --name web-ping --env TARGET=google.com diamol/ch03-web-ping` and check the logs for the new target. A container\'s environment is separate from your computer\'s: Docker fills in values such as HOSTNAME itself.',
      },
      hint: {
        ko: '변수 이름 철자(TARGET)를 확인하세요. 틀린 이름은 오류 없이 무시되고 기본값이 그대로 쓰여요.',
        en: 'Check the spelling of TARGET: a misspelt name is silently ignored and the default stays.',
      },
      commands: ['docker container run -d --name web-ping --env TARGET=google.com diamol/ch03-web-ping'],
      check: c.containerMatches({ name: 'web-ping', image: 'diamol/ch03-web-ping', env: { TARGET: 'google.com' } }),
    },
    {
      id: 'build',
      concepts: [7, 9],
      title: { ko: 'Dockerfile로 이미지 빌드하기', en: 'Build an image from a Dockerfile' },
      instructions: {
        ko: '편집기의 Dockerfile은 이미지를 만드는 스크립트예요. FROM은 출발점이 되는 이미지, ENV는 기본 환경 변수, WORKDIR은 작업 디렉터리를 만들고 지정, COPY는 빌드 컨텍스트의 파일을 이미지로 복사, CMD는 컨테이너가 시작될 때 실행할 명령이에요. `docker image build --tag web-ping .` 을 실행하세요. --tag는 이미지 이름, 마지막 `.`은 빌드 컨텍스트(Dockerfile과 복사할 파일이 있는 디렉터리)예요. 다른 이름의 Dockerfile은 `-f`로 지정해요.',
        en: 'The Dockerfile in the editor is the script that makes an image. FROM picks the image to start from, ENV sets default environment variables, WORKDIR creates a directory and makes it the working directory, COPY copies files from the build context into the image, and CMD is the command a container runs when it starts. Run `docker image build --tag web-ping .`: --tag names the image, and the final `.` is the build context, the directory holding the Dockerfile and the files to copy. A Dockerfile with another name is picked with `-f`.',
      },
      hint: { ko: '마지막 점(.)을 빠뜨리지 마세요. 빌드 컨텍스트가 없으면 빌드가 시작되지 않아요.', en: 'Don\'t forget the final dot: without a build context there is no build.' },
      commands: ['docker image build --tag web-ping .'],
      check: c.imageBuilt('web-ping', { workingDir: '/web-ping', envKeys: ['TARGET', 'METHOD', 'INTERVAL'], cmdIncludes: 'app.js' }),
    },
    {
      id: 'list',
      concepts: [10],
      title: { ko: '이름으로 이미지 목록 거르기', en: 'List images by name' },
      instructions: {
        ko: '`docker image ls \'w*\'` 는 저장소 이름이 w로 시작하는 이미지만 보여 줘요. 방금 만든 web-ping이 보이는지 확인하세요. Docker Hub에서 받은 diamol/ch03-web-ping은 보이지 않아요. 패턴은 저장소 이름 전체와 비교되고 그 이름은 d로 시작하기 때문이에요(`*` 는 / 를 넘어가지 않아요). 직접 만든 이미지도 받아 온 이미지와 똑같이 쓸 수 있어요.',
        en: '`docker image ls \'w*\'` shows only images whose repository name starts with w. Check that the web-ping you just built is there. diamol/ch03-web-ping, pulled from Docker Hub, is not: the pattern is matched against the whole repository name, which starts with d (`*` does not cross a /). An image you build is used exactly like one you pulled.',
      },
      hint: { ko: '따옴표는 셸이 *를 파일 이름으로 바꾸지 않게 막아 줘요. `docker image ls \'*/*\'` 로 받아 온 이미지도 찾아보세요.', en: 'The quotes stop a shell from expanding * into file names. Try `docker image ls \'*/*\'` to find the pulled image too.' },
      commands: ["docker image ls 'w*'"],
      check: c.commandSucceeded('image ls', { arg: startsW, argLabel: "'w*'", outputIncludes: 'web-ping' }),
    },
  ],
};

export const LAYERS: LessonDef = {
  id: 'layers',
  tag: 'web-ping',
  chapter: 3,
  title: { ko: '이미지와 레이어', en: 'Images and layers' },
  summary: {
    ko: '이미지는 레이어의 묶음이에요. 히스토리를 읽고, 레이어 공유와 실제 디스크 사용량을 확인해요.',
    en: 'An image is a stack of layers. Read its history, see layers shared between images and what disk they really use.',
  },
  files: WEB_PING_FILES,
  setup: [['image', 'build', '--tag', 'web-ping', '.']],
  quiz: 'layers',
  steps: [
    {
      id: 'history',
      concepts: [11],
      title: { ko: '이미지 히스토리 읽기', en: 'Read the image history' },
      instructions: {
        ko: '`docker image history web-ping` 을 실행하세요. 한 줄이 레이어 하나(또는 설정 한 줄)이고, CREATED BY 열은 그 줄을 만든 Dockerfile 인스트럭션이에요. 위쪽 여섯 줄이 이 Dockerfile에서 온 것이고, 그 아래는 diamol/node에서 온 것이에요. ENV, CMD 같은 줄은 0B예요. 설정만 바꾸고 파일은 바꾸지 않기 때문이에요.',
        en: 'Run `docker image history web-ping`. Each row is one layer (or one config change), and CREATED BY is the Dockerfile instruction that made it. The top rows are our Dockerfile; the rest come from diamol/node. ENV and CMD rows are 0B: they change settings, not files.',
      },
      hint: { ko: '`docker history web-ping` 도 돼요.', en: '`docker history web-ping` works too.' },
      commands: ['docker image history web-ping'],
      check: c.commandSucceeded('image history', { arg: (a) => normalizeRef(a) === 'web-ping:latest', argLabel: 'web-ping', outputIncludes: 'CREATED BY' }),
    },
    {
      id: 'shared',
      concepts: [12],
      title: { ko: '레이어는 이미지끼리 공유돼요', en: 'Layers are shared between images' },
      instructions: {
        ko: '레이어는 엔진 캐시에 저장된 실제 파일이고, 이미지는 그 레이어를 가리키는 논리적인 목록이에요. web-ping은 diamol/node 위에 만들었으니 그 레이어를 그대로 써요. 그런데 `docker image ls` 에는 diamol/node가 없어요. BuildKit은 빌드에 쓴 베이스 이미지를 자기 빌드 캐시에만 두고 이미지 목록에는 올리지 않기 때문이에요. `docker image pull diamol/node` 로 받아 보세요. 레이어마다 "Already exists"가 나와요. web-ping이 이미 그 레이어를 갖고 있어서 새로 내려받는 것이 없어요. 그다음 `docker image history diamol/node` 의 줄들이 web-ping 히스토리의 아래쪽과 같은지 비교해 보세요.',
        en: 'A layer is a real file in the engine\'s cache; an image is a logical list pointing at layers. web-ping was built on diamol/node, so it reuses those layers as they are. Yet diamol/node is not in `docker image ls`: BuildKit keeps the base images it pulls for a build in its own build cache, not in the image list. Pull it with `docker image pull diamol/node`: every layer says "Already exists", because web-ping already has them, so nothing new is downloaded. Then compare `docker image history diamol/node` with the bottom rows of web-ping\'s history.',
      },
      hint: { ko: '두 이미지의 `docker image inspect` 출력에서 RootFS.Layers를 비교해 보세요.', en: 'Compare RootFS.Layers in `docker image inspect` for both images.' },
      commands: ['docker image pull diamol/node'],
      check: c.imagesShareLayers('web-ping', 'diamol/node'),
    },
    {
      id: 'disk',
      concepts: [13],
      title: { ko: '논리적 크기와 실제 디스크 사용량', en: 'Logical size and real disk use' },
      instructions: {
        ko: '`docker image ls` 의 SIZE는 이미지마다 모든 레이어를 더한 논리적 크기예요. 공유 레이어가 여러 번 세어지죠. 실제로 디스크를 얼마나 쓰는지는 `docker system df` 가 알려 줘요. 두 명령을 실행하고 합계를 비교하세요.',
        en: 'SIZE in `docker image ls` is logical: all of an image\'s layers added up, so shared layers are counted again for each image. `docker system df` tells what is really on disk. Run both and compare the totals.',
      },
      hint: { ko: 'system df의 Images 줄 SIZE가 image ls 숫자들의 합보다 작아요.', en: 'The Images row of system df is smaller than the sum of image ls sizes.' },
      commands: ['docker image ls', 'docker system df'],
      check: c.allOf(c.commandSucceeded('image ls'), c.commandSucceeded('system df'), c.logicalExceedsReal()),
    },
    {
      id: 'read-only',
      concepts: [14],
      title: { ko: '레이어는 읽기 전용이에요', en: 'Layers are read-only' },
      instructions: {
        ko: '여러 이미지와 컨테이너가 같은 레이어를 함께 쓰므로, 레이어를 고칠 수 있다면 모두가 영향을 받아요. 그래서 레이어는 읽기 전용이에요. `docker container run --name scratch web-ping sh -c "echo changed > /web-ping/app.js"` 로 컨테이너 안에서 파일을 바꿔 보세요. 바뀐 것은 그 컨테이너 자신의 쓰기 레이어뿐이고, web-ping 이미지는 그대로예요.',
        en: 'Many images and containers use the same layers, so if a layer could change, all of them would. That is why layers are read-only. Change a file inside a container: `docker container run --name scratch web-ping sh -c "echo changed > /web-ping/app.js"`. Only that container\'s own writable layer changes; the web-ping image stays as it was.',
      },
      hint: { ko: '`docker container diff scratch` 로 바뀐 파일(C)을 볼 수 있어요.', en: '`docker container diff scratch` lists the changed file (C).' },
      commands: ['docker container run --name scratch web-ping sh -c "echo changed > /web-ping/app.js"'],
      check: c.writableLayerChanged('web-ping', 'app.js'),
    },
  ],
};

/** Steps of the cache chapter's reordered Dockerfile, as the build record names them. */
const COPY_PACKAGE_ONLY: c.OrderedStep = {
  label: 'COPY package.json',
  is: (s) => s.instruction === 'COPY' && s.name.includes('package.json') && !s.name.includes('app.js') && !/\s\.\s/.test(s.name + ' '),
};
const RUN_NPM_INSTALL: c.OrderedStep = { label: 'RUN npm install', is: (s) => s.name.startsWith('RUN npm install') };
const COPY_APP: c.OrderedStep = { label: 'COPY app.js', is: (s) => s.instruction === 'COPY' && s.name.includes('app.js') };
const CMD_LINE: c.OrderedStep = { label: 'CMD', is: (s) => s.instruction === 'CMD' };

export const CACHE: LessonDef = {
  id: 'cache',
  tag: 'web-ping',
  chapter: 3,
  title: { ko: '레이어 캐시와 Dockerfile 최적화', en: 'The layer cache and a faster Dockerfile' },
  summary: {
    ko: '캐시가 언제 맞고 언제 빗나가는지, 한 번의 캐시 미스가 뒤의 단계를 어떻게 줄줄이 다시 빌드하는지 보고, 인스트럭션 순서를 바꿔 다시 빌드할 단계를 줄여요.',
    en: 'See when the cache hits and when it misses, how one miss rebuilds every later step, then reorder instructions so fewer steps are rebuilt.',
  },
  files: CACHE_FILES,
  setup: [['image', 'build', '--tag', 'web-ping', '.']],
  quiz: 'cache',
  steps: [
    {
      id: 'rebuild',
      concepts: [15],
      title: { ko: '그대로 다시 빌드하기', en: 'Rebuild without changes' },
      instructions: {
        ko: '이 레슨의 web-ping에는 package.json과 `RUN npm install` 이 있어요. 아무것도 고치지 않고 `docker image build -t web-ping .` 을 실행하세요. 파일 시스템을 바꾸는 단계(WORKDIR, COPY, RUN)가 모두 CACHED예요. Docker는 단계마다 인스트럭션과, COPY라면 복사하는 파일의 내용과 권한 비트까지 넣어 해시를 계산하고, 캐시에 같은 해시가 있으면 그 레이어를 다시 써요.',
        en: 'This lesson\'s web-ping has a package.json and a `RUN npm install`. Change nothing and run `docker image build -t web-ping .`. Every step that changes the filesystem (WORKDIR, COPY, RUN) says CACHED. For each step Docker hashes the instruction and, for a COPY, the contents and permission bits of the files it copies; when the cache holds the same hash, the layer is reused.',
      },
      hint: { ko: '레이어 스택에서 모든 띠가 CACHED로 표시돼요.', en: 'In the layer stack every band says CACHED.' },
      commands: ['docker image build -t web-ping .'],
      check: c.lastBuildAllCached('web-ping'),
    },
    {
      id: 'change-app',
      concepts: [15, 16],
      title: { ko: '파일 하나를 바꾸면: 연쇄 다시 빌드', en: 'Change one file: the cascade' },
      instructions: {
        ko: '편집기에서 app.js에 한 줄(주석이면 충분해요)을 더하고 `docker image build -t web-ping .` 으로 다시 빌드하세요. app.js의 내용이 바뀌었으니 COPY의 해시가 달라져 캐시 미스가 나요. 그 뒤의 `RUN npm install` 은 그 자체로는 바뀐 게 없는데도 다시 빌드돼요. 각 단계는 바로 앞 단계의 결과 위에 쌓이기 때문에, 앞 단계가 바뀌면 그 위의 단계도 다시 만들어야 해요. 캐시 미스 한 번 뒤에 나머지 단계가 줄줄이 다시 빌드되는 것, 이것이 연쇄 다시 빌드예요. 다시 빌드된 단계가 몇 개인지 세어 두세요.',
        en: 'In the editor add a line (a comment will do) to app.js and rebuild with `docker image build -t web-ping .`. app.js changed, so COPY hashes differently and misses the cache. The `RUN npm install` after it is rebuilt too, although nothing in it changed: each step is built on the result of the step before it, so when that result changes, every step above it has to be made again. One miss, then every later step rebuilt: that is the cascade. Count how many steps were rebuilt.',
      },
      hint: {
        ko: '고친 뒤에 빌드해야 해요. 레이어 스택에서 COPY의 이유는 "app.js 변경됨", RUN의 이유는 "…번째 줄이 다시 빌드되어 이어서 다시 빌드됨"이에요.',
        en: 'Edit, then build. In the layer stack COPY\'s reason is "app.js changed" and RUN\'s is "parent layer rebuilt at line …".',
      },
      commands: ['docker image build -t web-ping .'],
      check: c.lastBuildCascade('web-ping', 'app.js', 'RUN npm install'),
    },
    {
      id: 'config-only',
      concepts: [15],
      title: { ko: '설정만 바꾸면: BuildKit은 다시 빌드하지 않아요', en: 'Change only config: BuildKit rebuilds nothing' },
      instructions: {
        ko: '이번에는 설정만 바꿔 보세요. CMD를 `CMD ["node", "app.js"]` 로 바꾸고 `docker image build -t web-ping .` 으로 빌드하세요(WORKDIR가 /web-ping이라 같은 파일이에요). 기본 빌더인 BuildKit은 ENV, CMD, EXPOSE 같은 설정 인스트럭션을 단계로 실행하지 않고 이미지 설정에만 적어요. 그래서 레이어는 모두 CACHED이고 이미지 ID만 바뀌어요. 단, ENV 값을 바꾸면 뒤의 RUN은 다시 빌드돼요. RUN의 캐시 키에는 환경 변수가 들어가기 때문이에요. 노트의 실수도 하나 기억해 두세요. `CMD ["node", "web-ping/app.js"]` 는 WORKDIR 기준 상대 경로라서 컨테이너가 `Cannot find module \'/web-ping/web-ping/app.js\'` 오류로 끝나요.',
        en: 'Now change only config. Change CMD to `CMD ["node", "app.js"]` and build with `docker image build -t web-ping .` (WORKDIR is /web-ping, so it is the same file). BuildKit, the default builder, does not run config instructions such as ENV, CMD and EXPOSE as steps: it writes them into the image config. So every layer is CACHED and only the image ID changes. Changing an ENV value is different: the RUN after it is rebuilt, because a RUN\'s cache key includes the environment. Remember one mistake from the notes too: `CMD ["node", "web-ping/app.js"]` is relative to WORKDIR, so the container ends with `Cannot find module \'/web-ping/web-ping/app.js\'`.',
      },
      hint: {
        ko: 'app.js나 ENV는 그대로 두고 CMD 줄만 바꾸세요. 레이어 스택의 CMD 띠는 "메타데이터만 (0 B)"로 표시돼요.',
        en: 'Leave app.js and ENV alone and change only the CMD line. The layer stack shows CMD as "metadata only (0 B)".',
      },
      commands: ['docker image build -t web-ping .'],
      check: c.lastBuildConfigOnly('web-ping'),
    },
    {
      id: 'legacy-rule',
      concepts: [16],
      title: { ko: '레거시 빌더의 규칙: 바뀐 줄부터 끝까지', en: 'The legacy builder\'s rule: from the changed line on' },
      instructions: {
        ko: '책과 노트가 쓰던 레거시 빌더는 달라요. ENV와 CMD까지 모든 인스트럭션이 단계이고, 한 줄이 바뀌면 그 줄부터 뒤의 모든 단계가 다시 빌드돼요. 레거시 빌더는 BuildKit과 캐시를 따로 쓰므로 먼저 `DOCKER_BUILDKIT=0 docker image build -t web-ping .` 을 한 번 실행해 캐시를 채우세요(캐시가 비어 있어 모든 단계가 빌드돼요). 그다음 `ENV INTERVAL="3000"` 을 `ENV INTERVAL="5000"` 으로 바꾸고 같은 명령을 다시 실행하세요. ENV 줄에서 캐시 미스가 나고 WORKDIR, COPY, RUN, CMD가 모두 다시 빌드돼요. 노트의 "한 번 미스가 나면 뒤는 모두 다시 빌드된다"는 이 빌더의 규칙이에요. BuildKit에서는 파일 시스템 단계가 미스일 때 그대로 맞고, 설정 인스트럭션은 연쇄를 일으키지 않아요.',
        en: 'The legacy builder the book and the notes used is different: every instruction, ENV and CMD included, is a step, and when one line changes every step from that line on is rebuilt. It keeps its own cache apart from BuildKit\'s, so first run `DOCKER_BUILDKIT=0 docker image build -t web-ping .` once to fill it (the cache is empty, so every step is built). Then change `ENV INTERVAL="3000"` to `ENV INTERVAL="5000"` and run the same command again. The ENV line misses and WORKDIR, COPY, RUN and CMD are all rebuilt. The notes\' "after one miss every later instruction reruns" is this builder\'s rule; under BuildKit it holds after a filesystem step misses, and config instructions cause no cascade.',
      },
      hint: {
        ko: '빌드 버튼 옆의 "빌더"를 legacy (DOCKER_BUILDKIT=0)로 바꿔도 돼요. 캐시를 채우는 첫 빌드만으로는 완료되지 않아요.',
        en: 'You can also set "Builder" next to the Build button to legacy (DOCKER_BUILDKIT=0). The first build, which only fills the cache, does not complete this step.',
      },
      commands: ['DOCKER_BUILDKIT=0 docker image build -t web-ping .'],
      check: c.legacyCascade('web-ping'),
    },
    {
      id: 'reorder',
      concepts: [17],
      title: { ko: '자주 바뀌는 것을 뒤로', en: 'Put what changes often last' },
      instructions: {
        ko: '이제 순서를 고쳐요. 잘 바뀌지 않는 인스트럭션을 앞에, 자주 바뀌는 것을 뒤에 두면 캐시를 더 많이 써요. npm install에 필요한 것은 package.json뿐이니 그것만 먼저 복사해 설치하고, 자주 바뀌는 app.js는 마지막에 복사하세요: `COPY package.json ./`, `RUN npm install`, `COPY app.js ./`. 레거시 빌더에서도 이득을 보려면 CMD를 FROM 바로 아래로 올리고, ENV 세 줄을 `ENV TARGET="blog.sixeyed.com" METHOD="HEAD" INTERVAL="3000"` 한 줄로 합치세요(줄 끝에 \\ 를 붙여 여러 줄로 나눠 써도 돼요). 고친 뒤 `docker image build -t web-ping .` 으로 빌드하세요. 확인은 빌드한 Dockerfile로 하므로, 고치기만 하고 빌드하지 않으면 완료되지 않아요.',
        en: 'Now fix the order. Put instructions that rarely change first and those that change often last, and the cache is reused more. npm install needs only package.json, so copy that alone and install, and copy app.js, which changes often, last: `COPY package.json ./`, `RUN npm install`, `COPY app.js ./`. To gain under the legacy builder too, move CMD up under FROM and merge the three ENV lines into one: `ENV TARGET="blog.sixeyed.com" METHOD="HEAD" INTERVAL="3000"` (you may split it over lines ending in \\). Then build with `docker image build -t web-ping .`. The check reads the Dockerfile you built, so an edit you have not built does not complete it.',
      },
      hint: {
        ko: '순서는 FROM, CMD, ENV(한 줄), WORKDIR, COPY package.json ./, RUN npm install, COPY app.js ./ 예요.',
        en: 'The order is FROM, CMD, ENV (one), WORKDIR, COPY package.json ./, RUN npm install, COPY app.js ./.',
      },
      commands: ['docker image build -t web-ping .'],
      check: c.builtOrder('web-ping', [CMD_LINE, COPY_PACKAGE_ONLY, RUN_NPM_INSTALL, COPY_APP], { ENV: 1 }),
    },
    {
      id: 'verify',
      concepts: [16, 17, 18],
      title: { ko: '순서로 얻는 이득', en: 'What the order gains' },
      instructions: {
        ko: 'app.js를 한 번 더 고치고 `docker image build -t web-ping .` 으로 빌드하세요. 이번에는 `RUN npm install` 이 CACHED이고, 다시 빌드되는 것은 마지막 `COPY app.js ./` 하나뿐이에요. 같은 변경에 두 번째 단계에서는 COPY와 RUN, 두 단계가 다시 빌드됐어요. 실제 프로젝트에서는 npm install 하나가 몇 분씩 걸리기도 하니, 이 차이가 빌드 시간의 대부분이에요.',
        en: 'Edit app.js once more and build with `docker image build -t web-ping .`. This time `RUN npm install` is CACHED and the only step rebuilt is the last `COPY app.js ./`. In the second step the same change rebuilt two steps, COPY and RUN. In a real project npm install alone can take minutes, so this difference is most of the build time.',
      },
      hint: { ko: 'RUN npm install 띠가 CACHED인지 보세요.', en: 'Check that the RUN npm install band says CACHED.' },
      commands: ['docker image build -t web-ping .'],
      check: c.lastBuildRebuiltAtMost('web-ping', 'app.js', 1, ['RUN npm install']),
    },
    {
      id: 'no-cache',
      concepts: [15],
      title: { ko: '캐시를 쓰지 않고 빌드하기', en: 'Build without the cache' },
      instructions: {
        ko: 'RUN의 캐시 키는 명령 문자열이에요. 명령이 인터넷에서 받아 오는 내용은 키에 들어가지 않아요. 그래서 `RUN apt-get update` 를 따로 한 줄로 두면, 그 줄이 그대로인 한 몇 달 전 패키지 목록을 계속 재사용해요. 관례는 `RUN apt-get update && apt-get install -y curl` 처럼 한 RUN에 합치는 것이고, 모든 단계를 새로 실행하려면 `--no-cache` 를 붙여요. `docker image build --no-cache -t web-ping .` 을 실행하세요. 모든 단계가 다시 빌드돼요.',
        en: 'A RUN\'s cache key is its command string; whatever the command downloads is not part of it. So a `RUN apt-get update` on a line of its own keeps reusing a package list from months ago for as long as the line stays the same. The convention is one RUN, `RUN apt-get update && apt-get install -y curl`; to run every step afresh, add `--no-cache`. Run `docker image build --no-cache -t web-ping .`: every step is rebuilt.',
      },
      hint: { ko: '빌드 버튼 옆의 --no-cache 상자를 켜고 빌드해도 돼요.', en: 'You can also tick --no-cache next to the Build button.' },
      commands: ['docker image build --no-cache -t web-ping .'],
      check: c.lastBuildNoCache('web-ping'),
    },
  ],
};

export const NODE_APP: LessonDef = {
  id: 'node-app',
  tag: 'node-web',
  source: { ko: 'Node.js 과정 노트', en: 'Node.js course notes' },
  title: { ko: 'Node 서버 이미지 만들고 관리하기', en: 'Build and manage a Node server image' },
  summary: {
    ko: 'RUN, EXPOSE, 포트 게시, 코드 수정 후 다시 빌드, package.json 먼저 복사하기, 이미지 정리까지.',
    en: 'RUN, EXPOSE, publishing ports, rebuilding after a code change, copying package.json first, and cleaning up images.',
  },
  files: NODE_APP_FILES,
  setup: [],
  quiz: 'node-app',
  steps: [
    {
      id: 'interactive',
      concepts: [19],
      title: { ko: 'node 그냥 실행 vs -it', en: 'node, plain and with -it' },
      instructions: {
        ko: '`docker run node` 는 Node REPL을 시작하지만 입력이 연결되지 않아 바로 끝나요(Exited (0)). `docker run -it node` 는 입력(-i)과 터미널(-t)을 연결해 `>` 프롬프트가 나와요. `1 + 1` 을 입력해 보고 `.exit` 로 나오세요. 일부 Windows 터미널(mintty)에서는 "the input device is not a TTY" 오류가 나고, 앞에 winpty를 붙여야 해요.',
        en: '`docker run node` starts the Node REPL, but with no input attached it ends at once (Exited (0)). `docker run -it node` attaches input (-i) and a terminal (-t), and you get a `>` prompt. Type `1 + 1`, then `.exit`. Some Windows terminals (mintty) say "the input device is not a TTY" and need winpty in front.',
      },
      hint: { ko: '두 명령을 모두 실행한 뒤 `docker container ls -a` 로 두 컨테이너를 비교하세요.', en: 'Run both, then compare the two containers in `docker container ls -a`.' },
      commands: ['docker run node', 'docker run -it node'],
      check: c.interactiveVsDetached('node'),
    },
    {
      id: 'build',
      concepts: [8, 9, 26],
      title: { ko: 'RUN과 EXPOSE가 있는 이미지, 이름:태그', en: 'An image with RUN and EXPOSE, named name:tag' },
      instructions: {
        ko: 'Dockerfile을 읽어 보세요. RUN은 빌드 중에 명령을 실행해 결과를 레이어로 남기고(npm install), EXPOSE는 컨테이너 안의 앱이 연결을 받는 포트를 이미지 설정에 적어 둬요. 문서 역할일 뿐, 포트를 열지는 않아요. CMD는 빌드할 때가 아니라 컨테이너가 시작될 때 실행돼요. `docker build -t node-web:1 .` 으로 빌드하세요. 콜론 뒤의 1이 태그로, 같은 이름 안에서 버전을 구분해요.',
        en: 'Read the Dockerfile. RUN executes a command during the build and keeps its result as a layer (npm install); EXPOSE records the port the container listens on. CMD runs when a container starts, not during the build. Build with `docker build -t node-web:1 .`: the 1 after the colon is the tag, which tells versions of the same name apart.',
      },
      hint: { ko: '태그를 빼면 latest가 붙어요.', en: 'Without a tag you get latest.' },
      commands: ['docker build -t node-web:1 .'],
      check: c.allOf(
        c.imageBuilt('node-web:1', { exposed: '80', cmdIncludes: 'server.js', workingDir: '/app' }),
        c.lastBuildShape('node-web:1', { hasStep: ['RUN npm install'] }),
      ),
    },
    {
      id: 'publish',
      concepts: [8, 20],
      title: { ko: '-p로 포트 게시하기', en: 'Publish a port with -p' },
      instructions: {
        ko: 'EXPOSE만으로는 밖에서 들어갈 수 없어요. `-p 3000:80` 은 호스트의 3000번 포트를 컨테이너의 80번 포트에 연결해요. `docker run -d -p 3000:80 --name app node-web:1` 을 실행하세요. 서버는 이제야 시작돼요(CMD).',
        en: 'EXPOSE alone lets nothing in. `-p 3000:80` connects port 3000 on the host to port 80 in the container. Run `docker run -d -p 3000:80 --name app node-web:1`. Only now does the server start (CMD).',
      },
      hint: { ko: '`docker container ls` 의 PORTS 열에 0.0.0.0:3000->80/tcp 가 보여요.', en: 'The PORTS column of `docker container ls` shows 0.0.0.0:3000->80/tcp.' },
      commands: ['docker run -d -p 3000:80 --name app node-web:1'],
      check: c.containerMatches({ name: 'app', image: 'node-web:1', port: { hostPort: 3000, containerPort: 80 } }),
    },
    {
      id: 'code-change',
      concepts: [21],
      title: { ko: '코드를 고치면 다시 빌드하고 새로 실행', en: 'After a code change: rebuild, run anew' },
      instructions: {
        ko: 'server.js의 응답 문구를 바꿔 보세요. 실행 중인 컨테이너는 빌드할 때 복사된 옛 코드를 그대로 써요. 이미지를 다시 빌드하고(`docker build -t node-web:2 .`), 옛 컨테이너를 지우고(`docker rm -f app`), 새 이미지로 다시 실행해야(`docker run -d -p 3000:80 --name app node-web:2`) 바뀐 코드가 돌아가요. npm install도 다시 빌드되는 것을 눈여겨보세요.',
        en: 'Change the reply text in server.js. The running container keeps the old code copied at build time. Rebuild (`docker build -t node-web:2 .`), remove the old container (`docker rm -f app`) and start a new one from the new image (`docker run -d -p 3000:80 --name app node-web:2`) to run the new code. Notice that npm install ran again.',
      },
      hint: { ko: '이미지는 빌드 순간의 사진이에요. 컨테이너가 파일을 따라가지 않아요.', en: 'An image is a snapshot taken at build time; containers don\'t follow your files.' },
      commands: ['docker build -t node-web:2 .', 'docker rm -f app', 'docker run -d -p 3000:80 --name app node-web:2'],
      check: c.runningLatestBuild('node-web', 'server.js'),
    },
    {
      id: 'package-first',
      concepts: [18],
      title: { ko: 'package.json을 먼저 복사하기', en: 'Copy package.json first' },
      instructions: {
        ko: '`COPY . /app` 뒤에 npm install이 있으면 소스 한 줄만 바꿔도 npm install도 다시 빌드돼요. Dockerfile을 이렇게 바꾸세요: `COPY package.json package-lock.json /app/`, `RUN npm install`, 그다음 `COPY . /app`. 잠금 파일(package-lock.json)도 함께 복사해야 설치되는 버전이 고정되고, 잠금 파일이 바뀔 때 npm install이 다시 빌드돼요. 한 번 빌드(`docker build -t node-web:3 .`)한 뒤 server.js를 다시 고치고 또 빌드하세요. 이제 npm install은 CACHED이고 다시 만들어지는 레이어는 마지막 COPY 하나예요.',
        en: 'With npm install after `COPY . /app`, changing one line of source rebuilds npm install. Change the Dockerfile to: `COPY package.json package-lock.json /app/`, `RUN npm install`, then `COPY . /app`. Copy the lockfile (package-lock.json) too: it pins the versions installed, and a change to it rebuilds npm install. Build once (`docker build -t node-web:3 .`), edit server.js again and build again. Now npm install is CACHED and the only layer rebuilt is the last COPY.',
      },
      hint: { ko: 'npm install에는 package.json과 잠금 파일만 필요해요. 의존성이 바뀔 때만 다시 빌드되면 돼요. 파일 여러 개를 COPY할 때는 대상이 / 로 끝나야 해요(`/app/`).', en: 'npm install needs only package.json and the lockfile; it should be rebuilt only when the dependencies change. When COPY takes several files, the destination must end with / (`/app/`).' },
      commands: ['docker build -t node-web:3 .'],
      check: c.allOf(
        c.builtOrder('node-web', [
          { label: 'COPY package.json package-lock.json', is: (s) => s.instruction === 'COPY' && s.name.includes('package.json') && s.name.includes('package-lock.json') && !/\s\.\s/.test(s.name + ' ') },
          RUN_NPM_INSTALL,
        ]),
        c.lastBuildRebuiltAtMost('node-web', 'server.js', 1, ['RUN npm install']),
      ),
    },
    {
      id: 'images',
      concepts: [23],
      title: { ko: '<none> 이미지와 크기', en: '<none> images and sizes' },
      instructions: {
        ko: '`docker images` 를 실행하세요. 같은 이름:태그로 다시 빌드하면 이름표가 새 이미지로 옮겨 가고, 옛 이미지는 <none>으로 남아요. SIZE에는 Node뿐 아니라 리눅스 배포판 파일까지 들어 있어 커요.',
        en: 'Run `docker images`. Rebuilding under the same name:tag moves the label to the new image and leaves the old one as <none>. SIZE is large because it includes the Linux distribution\'s files as well as Node.',
      },
      hint: { ko: '<none>이 없다면 server.js를 고치고 `docker build -t node-web:3 .` 을 한 번 더 실행하세요.', en: 'No <none>? Edit server.js and run `docker build -t node-web:3 .` once more.' },
      commands: ['docker images'],
      check: c.allOf(c.danglingImageExists(), c.commandSucceeded('image ls')),
    },
    {
      id: 'rmi-in-use',
      concepts: [24],
      title: { ko: '쓰이는 이미지는 지울 수 없어요', en: 'An image in use cannot be removed' },
      instructions: {
        ko: 'app 컨테이너가 node-web:2를 쓰고 있어요. `docker rmi node-web:2` 를 실행해 보세요. 컨테이너가 쓰는 이미지라 거절돼요.',
        en: 'The app container uses node-web:2. Run `docker rmi node-web:2`: Docker refuses, because a container uses it.',
      },
      hint: { ko: '오류 메시지에 그 이미지를 쓰는 컨테이너 ID가 나와요.', en: 'The error names the container that uses the image.' },
      commands: ['docker rmi node-web:2'],
      check: c.allOf(
        c.commandRefused('image rm', { arg: (a) => normalizeRef(a) === 'node-web:2', argLabel: 'node-web:2', errorIncludes: 'is using its referenced image' }),
        c.imagePresent('node-web:2'),
      ),
    },
    {
      id: 'stopped-still-uses',
      concepts: [24],
      title: { ko: '멈춘 컨테이너도 이미지를 쓰고 있어요', en: 'A stopped container still uses its image' },
      instructions: {
        ko: '`docker stop app` 으로 app 컨테이너를 멈춘 뒤 `docker rmi node-web:2` 를 다시 실행해 보세요. 또 거절돼요. 멈춘 컨테이너는 지우기 전까지 `docker container ls -a` 에 Exited로 남아 있고, 그동안 그 이미지를 계속 쓰고 있어요. 이미지를 지우려면 컨테이너를 멈추는 것으로는 부족하고, 컨테이너를 지워야 해요.',
        en: 'Stop the app container with `docker stop app`, then run `docker rmi node-web:2` again. Refused again: a stopped container stays in `docker container ls -a` as Exited until you remove it, and all that time it uses its image. To remove the image, stopping the container is not enough: remove the container.',
      },
      hint: { ko: '오류 메시지는 앞 단계와 같아요. 컨테이너 ID도 같아요.', en: 'The error is the same as in the previous step, with the same container ID.' },
      commands: ['docker stop app', 'docker rmi node-web:2'],
      check: c.allOf(
        c.containerMatches({ name: 'app', image: 'node-web:2', state: 'exited' }),
        c.commandRefused('image rm', { arg: (a) => normalizeRef(a) === 'node-web:2', argLabel: 'node-web:2', errorIncludes: 'is using its referenced image' }),
      ),
    },
    {
      id: 'prune',
      concepts: [24],
      title: { ko: '컨테이너 지우고 이미지 정리하기', en: 'Remove the container, prune images' },
      instructions: {
        ko: '컨테이너는 `docker rm`, 이미지는 `docker rmi` 로 지워요. `docker rm app` 으로 멈춘 컨테이너를 지운 뒤 `docker image prune` 으로 이름 없는(<none>) 이미지를 한꺼번에 지우세요. 확인 질문에는 y로 답해요. `docker image prune` 은 <none> 이미지만 지워요. `-a` 를 붙이면 컨테이너가 쓰지 않는 이미지를 이름이 있어도 모두 지우니, 다시 받거나 다시 빌드해야 할 수 있어요.',
        en: 'Containers go with `docker rm`, images with `docker rmi`. Remove the stopped container with `docker rm app`, then delete all unnamed (<none>) images at once with `docker image prune`. Answer y to the question. `docker image prune` removes only <none> images; with `-a` it removes every image no container uses, named or not, so you may have to pull or build them again.',
      },
      hint: { ko: '`docker image prune -f` 는 묻지 않고 지워요.', en: '`docker image prune -f` skips the question.' },
      commands: ['docker rm app', 'docker image prune'],
      check: c.allOf(c.commandSucceeded('image prune'), c.noDanglingImages()),
    },
    {
      id: 'inspect',
      concepts: [25],
      title: { ko: '이미지 자세히 보기', en: 'Inspect an image' },
      instructions: {
        ko: '`docker image inspect node-web:3` 은 이미지의 모든 정보를 JSON으로 보여 줘요. Config.Env, Config.Cmd, Config.ExposedPorts, 그리고 RootFS.Layers(파일 레이어 목록)를 찾아보세요.',
        en: '`docker image inspect node-web:3` prints everything about the image as JSON. Find Config.Env, Config.Cmd, Config.ExposedPorts and RootFS.Layers, the list of file layers.',
      },
      hint: { ko: '이미지 ID로도 inspect 할 수 있어요.', en: 'You can inspect by image ID too.' },
      commands: ['docker image inspect node-web:3'],
      check: c.anyOf(c.commandSucceeded('image inspect', { outputIncludes: 'RootFS' }), c.commandSucceeded('inspect', { outputIncludes: 'RootFS' })),
    },
  ],
};

export const COMMIT_LAB: LessonDef = {
  id: 'commit-lab',
  tag: 'ch03-lab',
  chapter: 3,
  title: { ko: '실습: 컨테이너로 이미지를 손수 만들기', en: 'Lab: build an image by hand from a container' },
  summary: {
    ko: '컨테이너 안에서 파일을 바꾸고, 그 컨테이너를 docker container commit으로 새 이미지로 만들어요.',
    en: 'Change a file inside a container, then turn that container into a new image with docker container commit.',
  },
  files: LAB_FILES,
  setup: [],
  quiz: 'commit-lab',
  steps: [
    {
      id: 'run-it',
      concepts: [19],
      title: { ko: '실습 이미지를 대화형으로 실행', en: 'Run the lab image interactively' },
      instructions: {
        ko: '`docker container run -it --name lab diamol/ch03-lab` 을 실행하세요. `/diamol # ` 프롬프트가 나오면 컨테이너 안의 셸이에요.',
        en: 'Run `docker container run -it --name lab diamol/ch03-lab`. The `/diamol # ` prompt is a shell inside the container.',
      },
      hint: { ko: '이미지가 없으면 Docker가 먼저 받아 와요.', en: 'If the image is missing, Docker pulls it first.' },
      commands: ['docker container run -it --name lab diamol/ch03-lab'],
      check: c.containerMatches({ name: 'lab', image: 'diamol/ch03-lab', interactive: true, state: 'any' }),
    },
    {
      id: 'edit',
      concepts: [22],
      title: { ko: '컨테이너의 쓰기 레이어에 기록', en: 'Write to the container\'s writable layer' },
      instructions: {
        ko: '컨테이너 안에서 `echo 내이름 >> ch03.txt` 로 파일 끝에 이름을 붙이고 `cat ch03.txt` 로 확인한 뒤 `exit` 로 나오세요. 컨테이너는 이미지 위에 얹힌 얇은 쓰기 레이어예요. 바뀐 파일은 그 레이어에만 있고 diamol/ch03-lab 이미지는 그대로예요.',
        en: 'Inside the container append your name with `echo YourName >> ch03.txt`, check with `cat ch03.txt`, then `exit`. A container is a thin writable layer on top of the image: the changed file lives only in that layer, and the diamol/ch03-lab image is unchanged.',
      },
      hint: { ko: '>> 는 덧붙이기, > 는 덮어쓰기예요.', en: '>> appends, > overwrites.' },
      commands: ['echo Kim >> ch03.txt', 'exit'],
      check: c.writableLayerChanged('diamol/ch03-lab', 'ch03.txt'),
    },
    {
      id: 'commit',
      concepts: [27],
      title: { ko: '컨테이너를 이미지로 커밋', en: 'Commit the container to an image' },
      instructions: {
        ko: '`docker container commit lab ch03-lab-soln` 을 실행하세요. 컨테이너의 쓰기 레이어가 새 이미지의 맨 위 레이어가 돼요. Dockerfile 없이 손으로 만든 이미지예요.',
        en: 'Run `docker container commit lab ch03-lab-soln`. The container\'s writable layer becomes the top layer of a new image: an image made by hand, with no Dockerfile.',
      },
      hint: { ko: '컨테이너 이름 대신 ID를 써도 돼요.', en: 'A container ID works instead of the name.' },
      commands: ['docker container commit lab ch03-lab-soln'],
      check: c.imageCommittedFrom('ch03-lab-soln', 'ch03.txt'),
    },
    {
      id: 'verify',
      concepts: [27],
      title: { ko: '새 이미지 확인', en: 'Check the new image' },
      instructions: {
        ko: '`docker container run ch03-lab-soln cat ch03.txt` 을 실행하세요. 새 컨테이너에도 내 이름이 들어간 파일이 있어요.',
        en: 'Run `docker container run ch03-lab-soln cat ch03.txt`. A fresh container has your name in the file too.',
      },
      hint: { ko: '출력은 "Lab solution, by: " 다음에 이름이 와요.', en: 'The output is "Lab solution, by: " followed by your name.' },
      commands: ['docker container run ch03-lab-soln cat ch03.txt'],
      check: c.containerMatches({ image: 'ch03-lab-soln', state: 'exited', exitCode: 0, logsInclude: ['Lab solution, by: '] }),
    },
  ],
};

export const BUILDKIT_LEGACY: LessonDef = {
  id: 'buildkit-legacy',
  tag: 'greet',
  chapter: 3,
  title: { ko: 'BuildKit과 레거시 빌더', en: 'BuildKit and the legacy builder' },
  summary: {
    ko: '"한 번 미스가 나면 뒤는 모두 다시 빌드된다"는 규칙이 어디서 왔고 BuildKit에서는 어떻게 다른지 봐요.',
    en: 'Where "after one miss everything after it reruns" comes from, and where BuildKit differs.',
  },
  files: BUILDKIT_FILES,
  setup: [],
  quiz: 'buildkit-legacy',
  steps: [
    {
      id: 'bk-build',
      concepts: [15],
      title: { ko: 'BuildKit으로 빌드', en: 'Build with BuildKit' },
      instructions: {
        ko: '`docker build -t greet .` 을 실행하세요. BuildKit(기본 빌더)은 파일 시스템을 바꾸는 FROM, WORKDIR, COPY, RUN만 [1/4]처럼 번호를 붙여 단계로 세어요. ENV와 CMD는 이미지 설정만 바꾸므로 단계가 아니에요.',
        en: 'Run `docker build -t greet .`. BuildKit, the default builder, numbers only the steps that touch the filesystem (FROM, WORKDIR, COPY, RUN) as [1/4] and so on. ENV and CMD only change the image config, so they are not steps.',
      },
      hint: { ko: '출력에서 ENV 줄을 찾아보세요. 없어요.', en: 'Look for an ENV line in the output: there is none.' },
      commands: ['docker build -t greet .'],
      check: c.lastBuildShape('greet', { builder: 'buildkit' }),
    },
    {
      id: 'bk-env',
      concepts: [16],
      title: { ko: 'ENV를 바꾸면 (BuildKit)', en: 'Change ENV (BuildKit)' },
      instructions: {
        ko: 'Dockerfile에서 GREETING을 "hi"로 바꾸고 다시 빌드하세요. COPY는 CACHED로 남고 RUN만 다시 빌드돼요. BuildKit에서 COPY의 캐시 키는 복사하는 파일 내용이고 ENV는 들어가지 않지만, RUN은 환경 변수 전체가 키에 들어가기 때문이에요.',
        en: 'Change GREETING to "hi" in the Dockerfile and rebuild. COPY stays CACHED and only RUN runs again: in BuildKit a COPY is keyed by the files it copies, not by ENV, while a RUN is keyed with the whole environment.',
      },
      hint: { ko: '레이어 스택에서 RUN의 이유가 "ENV GREETING 변경됨"으로 나와요.', en: 'The layer stack gives RUN\'s reason as "ENV GREETING changed".' },
      commands: ['docker build -t greet .'],
      check: c.lastBuildShape('greet', { builder: 'buildkit', cached: ['COPY'], built: ['RUN'] }),
    },
    {
      id: 'legacy-env',
      concepts: [16],
      title: { ko: '같은 변경, 레거시 빌더', en: 'The same change, legacy builder' },
      instructions: {
        ko: '이제 예전 빌더로 해 봐요. 레거시 빌더는 BuildKit과 캐시를 따로 쓰므로, 먼저 `DOCKER_BUILDKIT=0 docker build -t greet .` 을 한 번 실행해 캐시를 채우세요. 캐시가 비어 있어서 이번에는 모든 단계가 빌드돼요. 그다음 GREETING을 다시 바꾸고 같은 명령을 한 번 더 실행하세요. 레거시 빌더는 모든 인스트럭션을 Step 1/6처럼 세고, 바뀐 ENV 줄에서 미스가 나면 그 뒤의 단계를 COPY까지 모두 다시 빌드해요. 노트의 "뒤는 모두 다시 빌드"는 이 빌더의 동작이에요. BuildKit에서도 파일 시스템 단계에서 미스가 나면 뒤의 단계가 모두 다시 빌드돼요.',
        en: 'Now try the old builder. It keeps its own cache apart from BuildKit\'s, so first run `DOCKER_BUILDKIT=0 docker build -t greet .` once to fill it: the cache is empty, so this time every step is built. Then change GREETING again and run the same command once more. The legacy builder counts every instruction (Step 1/6) and, once the changed ENV line misses, rebuilds every step after it, COPY included. The notes\' "every later instruction reruns" describes this builder; in BuildKit it still holds after a filesystem step misses.',
      },
      hint: { ko: 'VAR=값 접두사는 그 명령 하나에만 적용돼요. 빌드 버튼 옆의 "빌더"를 legacy (DOCKER_BUILDKIT=0)로 바꿔도 돼요. 캐시를 채우는 첫 빌드만으로는 완료되지 않아요.', en: 'A VAR=value prefix applies to that one command only. You can also set "Builder" next to the Build button to legacy (DOCKER_BUILDKIT=0). The first build, which only fills the cache, does not complete this step.' },
      commands: ['DOCKER_BUILDKIT=0 docker build -t greet .'],
      check: c.allOf(c.lastBuildShape('greet', { builder: 'legacy', built: ['COPY', 'RUN'] }), c.legacyCascade('greet')),
    },
  ],
};

export const MULTI_STAGE: LessonDef = {
  id: 'multi-stage',
  tag: 'multistage',
  chapter: 4,
  title: { ko: '멀티 스테이지 빌드', en: 'Multi-stage builds' },
  summary: {
    ko: '여러 FROM으로 단계를 나누고, 마지막 스테이지에는 필요한 결과만 복사해요.',
    en: 'Split a build into stages with several FROMs, and copy only the results you need into the last one.',
  },
  files: MULTI_STAGE_FILES,
  setup: [],
  quiz: 'multi-stage',
  steps: [
    {
      id: 'build',
      concepts: [9],
      title: { ko: '세 스테이지 빌드', en: 'Build three stages' },
      instructions: {
        ko: 'Dockerfile에는 FROM이 세 번 나와요. 각 FROM이 새 스테이지를 시작하고, `COPY --from=스테이지` 로 앞 스테이지의 파일을 가져와요. `docker build -t multistage .` 을 실행하고 출력의 [build-stage 2/2] 같은 스테이지 표시를 보세요.',
        en: 'The Dockerfile has three FROMs. Each starts a new stage, and `COPY --from=stage` takes files from an earlier one. Run `docker build -t multistage .` and look for stage labels such as [build-stage 2/2] in the output.',
      },
      hint: { ko: '최종 이미지는 마지막 스테이지예요.', en: 'The final image is the last stage.' },
      commands: ['docker build -t multistage .'],
      check: c.lastBuildShape('multistage', { minStages: 2 }),
    },
    {
      id: 'run',
      concepts: [8],
      title: { ko: '결과 확인', en: 'See the result' },
      instructions: {
        ko: '`docker run multistage` 를 실행하세요. 빌드 스테이지와 테스트 스테이지가 쓴 두 줄이 나와요. 마지막 이미지는 베이스 이미지(diamol/base)의 레이어에 그 파일을 담은 레이어 하나를 더한 것이에요. 앞 스테이지의 RUN 레이어는 들어가지 않아요.',
        en: 'Run `docker run multistage`. It prints the two lines written by the build and test stages. The final image is its base image (diamol/base) plus one layer holding that file; none of the earlier stages\' RUN layers are in it.',
      },
      hint: { ko: '`docker image history multistage` 로 레이어 수를 세어 보세요.', en: 'Count the layers with `docker image history multistage`.' },
      commands: ['docker run multistage'],
      check: c.containerMatches({ image: 'multistage', state: 'exited', exitCode: 0, logsInclude: ['Building...', 'Testing...'] }),
    },
  ],
};

export const DOCKERFILE_MORE: LessonDef = {
  id: 'dockerfile-more',
  tag: 'target',
  chapter: 3,
  title: { ko: 'Dockerfile 더 알아보기: -f와 ENTRYPOINT', en: 'More Dockerfile: -f and ENTRYPOINT' },
  summary: {
    ko: '다른 이름의 Dockerfile을 -f로 빌드하고, ENTRYPOINT와 CMD가 docker run 인자와 어떻게 합쳐지는지 봐요.',
    en: 'Build a Dockerfile with another name using -f, and see how ENTRYPOINT and CMD combine with docker run arguments.',
  },
  files: DOCKERFILE_MORE_FILES,
  setup: [],
  quiz: 'dockerfile-more',
  steps: [
    {
      id: 'file-flag',
      concepts: [9],
      title: { ko: '-f로 다른 Dockerfile 빌드하기', en: 'Build another Dockerfile with -f' },
      instructions: {
        ko: '`docker image build` 는 빌드 컨텍스트에서 Dockerfile이라는 이름의 파일을 찾아요. 이 작업 공간에는 Dockerfile.entrypoint도 있어요. `docker image build -f Dockerfile.entrypoint -t target .` 을 실행하세요. `-f` 는 쓸 Dockerfile을 고르고, 마지막 `.` 은 여전히 빌드 컨텍스트예요.',
        en: '`docker image build` looks for a file named Dockerfile in the build context. This workspace also has Dockerfile.entrypoint. Run `docker image build -f Dockerfile.entrypoint -t target .`: `-f` picks the Dockerfile, and the final `.` is still the build context.',
      },
      hint: { ko: '`-f` 없이 빌드하면 ENTRYPOINT가 없는 기본 Dockerfile이 쓰여요.', en: 'Without `-f` the default Dockerfile, which has no ENTRYPOINT, is used.' },
      commands: ['docker image build -f Dockerfile.entrypoint -t target .'],
      check: c.allOf(c.imageBuilt('target', { entrypointIncludes: 'app.js' }), c.commandSucceeded('image build', { flag: '-f' })),
    },
    {
      id: 'entrypoint-args',
      concepts: [8],
      title: { ko: 'ENTRYPOINT는 남고 CMD는 바뀌어요', en: 'ENTRYPOINT stays, CMD is replaced' },
      instructions: {
        ko: 'ENTRYPOINT는 컨테이너가 늘 실행하는 명령이고, CMD는 그 명령에 붙는 기본 인자예요. `docker run target` 은 `target: blog.sixeyed.com` 을 출력해요. `docker run target google.com` 을 실행하세요. 이미지 이름 뒤의 인자는 CMD만 바꾸고 ENTRYPOINT는 그대로 두므로 `target: google.com` 이 나와요. ENTRYPOINT 없이 CMD만 있는 이미지였다면 google.com이 명령 전체를 대신해서, 실행할 파일이 없다는 오류로 끝났을 거예요.',
        en: 'ENTRYPOINT is the command a container always runs; CMD is the default arguments added to it. `docker run target` prints `target: blog.sixeyed.com`. Run `docker run target google.com`: arguments after the image name replace only CMD and keep ENTRYPOINT, so it prints `target: google.com`. With CMD alone and no ENTRYPOINT, google.com would replace the whole command and the container would fail to find an executable.',
      },
      hint: { ko: 'ENTRYPOINT 자체를 바꾸려면 `docker run --entrypoint` 를 써요.', en: 'To replace ENTRYPOINT itself, use `docker run --entrypoint`.' },
      commands: ['docker run target', 'docker run target google.com'],
      check: c.containerMatches({ image: 'target', state: 'exited', exitCode: 0, logsInclude: ['target: google.com'] }),
    },
    {
      id: 'dockerignore',
      concepts: [9],
      title: { ko: '.dockerignore로 빌드 컨텍스트에서 빼기', en: 'Leave files out with .dockerignore' },
      instructions: {
        ko: '기본 Dockerfile은 `COPY . .` 으로 빌드 컨텍스트를 통째로 복사해요. 비밀 값이 든 secret.env까지요. 작업 공간에 `.dockerignore` 라는 새 파일을 만들고 `secret.env` 한 줄을 적으세요. 그다음 `docker image build -t target:clean .` 으로 빌드하세요. .dockerignore에 적힌 파일은 빌드 컨텍스트에서 빠지므로 COPY할 수 없고, 캐시 키에도 들어가지 않아요. `docker run target:clean ls -a /app` 으로 확인해 보세요. secret.env는 작업 공간에 그대로 두세요.',
        en: 'The default Dockerfile copies the whole build context with `COPY . .`, secret.env and its secret included. Create a new file `.dockerignore` in the workspace with the single line `secret.env`, then build with `docker image build -t target:clean .`. Files listed in .dockerignore are left out of the build context, so no COPY can take them and they are not part of any cache key. Check with `docker run target:clean ls -a /app`. Keep secret.env in the workspace.',
      },
      hint: { ko: '파일 목록 위의 "새 파일" 버튼으로 .dockerignore를 만들어요.', en: 'Create .dockerignore with the "New file" button above the file list.' },
      commands: ['docker image build -t target:clean .', 'docker run target:clean ls -a /app'],
      check: c.imageLeavesOut('target:clean', '/app/secret.env', '/app/app.js', 'secret.env'),
    },
  ],
};

export const REVIEW: LessonDef = {
  id: 'ch3-review',
  tag: 'web-ping',
  chapter: 3,
  title: { ko: '3장 복습 퀴즈', en: 'Chapter 3 review quiz' },
  summary: {
    ko: '스터디 노트의 O/X 문제와 빈칸 문제를 새 문장으로 다시 풀어 봐요.',
    en: 'The study notes\' true/false and fill-in questions, in our own words.',
  },
  files: WEB_PING_FILES,
  setup: [],
  quiz: 'ch3',
  steps: [
    {
      id: 'quiz',
      concepts: [28],
      title: { ko: '퀴즈 통과하기', en: 'Pass the quiz' },
      instructions: {
        ko: '아래 퀴즈에 답하세요. 4문제 중 3문제 이상 맞히면 이 단계가 끝나요. 틀린 문제의 설명에는 다시 볼 레슨 단계가 링크되어 있어요.',
        en: 'Answer the quiz below. Three right out of four completes this step. Each explanation links back to the lesson step to revisit.',
      },
      hint: { ko: 'O/X 문제는 O 또는 X를 고르세요.', en: 'For true/false questions pick O (true) or X (false).' },
      check: c.quizPassed('ch3', 0.75),
    },
  ],
};

export const LESSONS: LessonDef[] = [WEB_PING, LAYERS, CACHE, BUILDKIT_LEGACY, DOCKERFILE_MORE, COMMIT_LAB, REVIEW, NODE_APP, MULTI_STAGE, GO_MULTI_STAGE, REGISTRY, VOLUMES, NETWORKS, COMPOSE];

export function lessonById(id: string): LessonDef | undefined {
  return LESSONS.find((l) => l.id === id);
}
