/** Chapter quizzes: O/X (true/false) and fill-in questions. Explanations point back into the lessons. */
import type { QuestionDef, QuizDef } from './types';

export const QUIZZES: QuizDef[] = [
  {
    id: 'ch3',
    title: { ko: '3장 복습', en: 'Chapter 3 review' },
    passRatio: 0.75,
    questions: [
      {
        id: 'host-env',
        kind: 'ox',
        prompt: { ko: '컨테이너 안에서는 호스트 컴퓨터의 환경 변수를 그대로 읽을 수 있어요.', en: 'A container can read the host computer\'s environment variables as they are.' },
        answer: false,
        explanation: {
          ko: 'X. 호스트의 환경 변수와 컨테이너의 환경 변수는 따로예요. 컨테이너는 이미지의 ENV, 실행할 때 -e로 준 값, 그리고 Docker가 넣어 주는 값(HOSTNAME 등)만 가져요.',
          en: 'False. The host\'s variables and the container\'s are separate. A container gets the image\'s ENV, what you pass with -e, and what Docker sets (HOSTNAME and so on).',
        },
        ref: { lesson: 'web-ping', step: 'env' },
      },
      {
        id: 'dockerfile-name',
        kind: 'fill',
        prompt: { ko: '애플리케이션을 패키징하는 인스트럭션 스크립트 파일을 [ ](이)라고 해요.', en: 'The script of instructions that packages an application is called a [ ].' },
        accept: ['dockerfile', '도커파일', '도커 파일'],
        explanation: { ko: 'Dockerfile. 인스트럭션을 차례로 실행한 결과가 이미지예요.', en: 'Dockerfile. Running its instructions in order produces the image.' },
        ref: { lesson: 'web-ping', step: 'build' },
      },
      {
        id: 'ls-size',
        kind: 'ox',
        prompt: { ko: 'docker image ls의 SIZE는 그 이미지가 실제로 차지하는 디스크 용량이에요.', en: 'SIZE in docker image ls is the disk space the image really takes.' },
        answer: false,
        explanation: {
          ko: 'X. 논리적 크기예요. 레이어를 공유하는 이미지가 많으면 실제 사용량은 훨씬 작고, docker system df로 확인해요.',
          en: 'False. It is the logical size. Images that share layers take much less; docker system df shows the real use.',
        },
        ref: { lesson: 'layers', step: 'disk' },
      },
      {
        id: 'order',
        kind: 'ox',
        prompt: { ko: 'Dockerfile에서는 자주 바뀌는 인스트럭션을 앞에, 잘 바뀌지 않는 것을 뒤에 두어야 해요.', en: 'In a Dockerfile, instructions that change often should come first and rarely changing ones last.' },
        answer: false,
        explanation: {
          ko: 'X. 반대예요. 미스가 난 뒤의 단계는 다시 빌드되므로 잘 바뀌지 않는 것을 앞에 두어야 캐시를 많이 써요.',
          en: 'False, the other way round. Steps after a miss run again, so rarely changing instructions go first to reuse the cache most.',
        },
        ref: { lesson: 'cache', step: 'reorder' },
      },
    ],
  },
  {
    id: 'web-ping',
    title: { ko: 'web-ping 퀴즈', en: 'web-ping quiz' },
    passRatio: 0.66,
    questions: [
      {
        id: 'detach',
        kind: 'fill',
        prompt: { ko: '컨테이너를 백그라운드에서 실행하는 docker run 플래그의 짧은 형태는 [ ]예요.', en: 'The short docker run flag that runs a container in the background is [ ].' },
        accept: ['-d', 'd', '--detach'],
        explanation: { ko: '-d (--detach). 출력은 docker logs로 봐요.', en: '-d (--detach). Read its output with docker logs.' },
        ref: { lesson: 'web-ping', step: 'run-detached' },
      },
      {
        id: 'layers-all',
        kind: 'ox',
        prompt: { ko: '이미지 레이어 중 일부만 내려받아도 그 이미지로 컨테이너를 실행할 수 있어요.', en: 'You can run a container from an image when only some of its layers have been downloaded.' },
        answer: false,
        explanation: { ko: 'X. 모든 레이어가 있어야 이미지를 쓸 수 있어요.', en: 'False. The image is usable only when every layer is there.' },
        ref: { lesson: 'web-ping', step: 'pull' },
      },
      {
        id: 'dot',
        kind: 'ox',
        prompt: { ko: 'docker image build --tag web-ping . 의 마지막 점(.)은 빌드 컨텍스트, 즉 현재 디렉터리예요.', en: 'The final dot in docker image build --tag web-ping . is the build context: the current directory.' },
        answer: true,
        explanation: { ko: 'O. Dockerfile과 COPY할 파일이 있는 디렉터리예요.', en: 'True. It is the directory holding the Dockerfile and the files to COPY.' },
        ref: { lesson: 'web-ping', step: 'build' },
      },
    ],
  },
  {
    id: 'layers',
    title: { ko: '레이어 퀴즈', en: 'Layers quiz' },
    passRatio: 0.66,
    questions: [
      {
        id: 'history-rows',
        kind: 'fill',
        prompt: { ko: 'docker image history에서 각 줄을 만든 인스트럭션을 보여 주는 열 이름은 [ ]예요.', en: 'The docker image history column showing which instruction made each row is [ ].' },
        accept: ['created by', 'createdby', 'created_by'],
        explanation: { ko: 'CREATED BY.', en: 'CREATED BY.' },
        ref: { lesson: 'layers', step: 'history' },
      },
      {
        id: 'read-only',
        kind: 'ox',
        prompt: { ko: '컨테이너 안에서 파일을 바꾸면 그 이미지의 레이어도 바뀌어요.', en: 'Changing a file inside a container changes the image\'s layer too.' },
        answer: false,
        explanation: { ko: 'X. 레이어는 읽기 전용이고, 바뀐 내용은 컨테이너의 쓰기 레이어에만 남아요.', en: 'False. Layers are read-only; the change stays in the container\'s writable layer.' },
        ref: { lesson: 'layers', step: 'read-only' },
      },
      {
        id: 'shared',
        kind: 'ox',
        prompt: { ko: 'Node.js 앱 컨테이너 여러 개는 Node.js 런타임 레이어를 함께 써요.', en: 'Several Node.js app containers share the Node.js runtime layer.' },
        answer: true,
        explanation: { ko: 'O. 같은 레이어는 디스크에 한 번만 있어요.', en: 'True. The same layer is on disk once.' },
        ref: { lesson: 'layers', step: 'shared' },
      },
    ],
  },
  {
    id: 'cache',
    title: { ko: '캐시 퀴즈', en: 'Cache quiz' },
    passRatio: 0.66,
    questions: [
      {
        id: 'hash',
        kind: 'ox',
        prompt: { ko: '캐시는 인스트럭션과 복사하는 파일의 내용으로 만든 해시로 찾아요.', en: 'The cache is looked up by a hash of the instruction and the contents of the files it copies.' },
        answer: true,
        explanation: { ko: 'O. 파일의 내용과 권한 비트는 들어가고, 수정 시각은 들어가지 않아요.', en: 'True. The files\' contents and permission bits are part of it; modification times are not.' },
        ref: { lesson: 'cache', step: 'rebuild' },
      },
      {
        id: 'cascade',
        kind: 'ox',
        prompt: { ko: 'COPY에서 미스가 나도 그 뒤의 RUN은 바뀌지 않았으면 캐시를 써요.', en: 'After a miss at COPY, a later unchanged RUN still comes from the cache.' },
        answer: false,
        explanation: { ko: 'X. RUN은 바뀐 앞 단계의 결과 위에서 실행되므로 다시 빌드돼요. 이것이 연쇄 다시 빌드예요.', en: 'False. The RUN works on the changed result of the step before it, so it is rebuilt: the cascade.' },
        ref: { lesson: 'cache', step: 'change-app' },
      },
      {
        id: 'env-merge',
        kind: 'fill',
        prompt: { ko: 'ENV 세 줄을 한 줄로 합치려면 줄 끝에 [ ] 를 써서 이어 쓸 수 있어요.', en: 'To merge three ENV lines into one you can continue a line with [ ] at its end.' },
        accept: ['\\', 'backslash', '역슬래시', '백슬래시'],
        explanation: { ko: '\\ (역슬래시).', en: '\\ (backslash).' },
        ref: { lesson: 'cache', step: 'reorder' },
      },
      {
        id: 'config-only',
        kind: 'ox',
        prompt: { ko: 'BuildKit에서 CMD 한 줄만 바꾸고 다시 빌드하면 그 뒤의 단계가 모두 다시 빌드돼요.', en: 'With BuildKit, changing only the CMD line and rebuilding rebuilds every later step.' },
        answer: false,
        explanation: {
          ko: 'X. BuildKit은 CMD 같은 설정 인스트럭션을 이미지 설정에만 적으므로 레이어는 모두 CACHED예요. 레거시 빌더에서는 그 줄부터 뒤가 모두 다시 빌드돼요.',
          en: 'False. BuildKit writes config instructions such as CMD into the image config, so every layer is CACHED. The legacy builder rebuilds everything from that line on.',
        },
        ref: { lesson: 'cache', step: 'config-only' },
      },
      {
        id: 'apt-get-update',
        kind: 'ox',
        prompt: { ko: '`RUN apt-get update` 줄이 그대로면, 다시 빌드할 때마다 최신 패키지 목록을 받아와요.', en: 'As long as the `RUN apt-get update` line is unchanged, every rebuild fetches the latest package list.' },
        answer: false,
        explanation: {
          ko: 'X. RUN의 캐시 키는 명령 문자열이라 캐시에서 가져와요. 설치와 한 RUN으로 합치고, 새로 받으려면 --no-cache로 빌드해요.',
          en: 'False. A RUN\'s cache key is its command string, so it comes from the cache. Combine it with the install in one RUN, and build with --no-cache to fetch afresh.',
        },
        ref: { lesson: 'cache', step: 'no-cache' },
      },
      {
        id: 'no-cache',
        kind: 'fill',
        prompt: { ko: '캐시를 쓰지 않고 모든 단계를 다시 빌드하는 docker build 플래그: [ ]', en: 'The docker build flag that rebuilds every step without the cache: [ ]' },
        accept: ['--no-cache', 'no-cache'],
        explanation: { ko: '--no-cache.', en: '--no-cache.' },
        ref: { lesson: 'cache', step: 'no-cache' },
      },
    ],
  },
  {
    id: 'node-app',
    title: { ko: 'Node 서버 퀴즈', en: 'Node server quiz' },
    passRatio: 0.66,
    questions: [
      {
        id: 'cmd-when',
        kind: 'ox',
        prompt: { ko: 'CMD의 명령은 이미지를 빌드할 때 실행돼요.', en: 'The CMD command runs when the image is built.' },
        answer: false,
        explanation: { ko: 'X. 컨테이너가 시작될 때 실행돼요.', en: 'False. It runs when a container starts.' },
        ref: { lesson: 'node-app', step: 'publish' },
      },
      {
        id: 'port',
        kind: 'fill',
        prompt: { ko: '호스트 3000번을 컨테이너 80번에 연결하는 플래그: -p [ ]', en: 'Flag mapping host port 3000 to container port 80: -p [ ]' },
        accept: ['3000:80'],
        explanation: { ko: '3000:80. 앞이 호스트, 뒤가 컨테이너예요.', en: '3000:80. Host first, container second.' },
        ref: { lesson: 'node-app', step: 'publish' },
      },
      {
        id: 'rmi',
        kind: 'ox',
        prompt: { ko: '컨테이너가 쓰고 있는 이미지도 docker rmi로 바로 지울 수 있어요.', en: 'docker rmi removes an image even while a container uses it.' },
        answer: false,
        explanation: { ko: 'X. 그 컨테이너를 먼저 지워야 해요.', en: 'False. Remove that container first.' },
        ref: { lesson: 'node-app', step: 'rmi-in-use' },
      },
      {
        id: 'stopped',
        kind: 'ox',
        prompt: { ko: '컨테이너를 docker stop으로 멈추기만 하면 그 이미지를 docker rmi로 지울 수 있어요.', en: 'Once its container is stopped with docker stop, an image can be removed with docker rmi.' },
        answer: false,
        explanation: { ko: 'X. 멈춘 컨테이너도 지우기 전까지는 이미지를 쓰고 있어요. docker rm으로 지워야 해요.', en: 'False. A stopped container uses its image until it is removed with docker rm.' },
        ref: { lesson: 'node-app', step: 'stopped-still-uses' },
      },
      {
        id: 'prune-all',
        kind: 'ox',
        prompt: { ko: 'docker image prune은 컨테이너가 쓰지 않는 이미지를 이름이 있어도 모두 지워요.', en: 'docker image prune removes every image no container uses, named or not.' },
        answer: false,
        explanation: { ko: 'X. 기본은 <none> 이미지만 지워요. 이름 있는 이미지까지 지우는 것은 -a예요.', en: 'False. By default it removes only <none> images; -a removes named ones too.' },
        ref: { lesson: 'node-app', step: 'prune' },
      },
      {
        id: 'expose',
        kind: 'ox',
        prompt: { ko: 'Dockerfile에 EXPOSE 80이 있으면 -p 없이도 호스트에서 그 포트로 접속할 수 있어요.', en: 'With EXPOSE 80 in the Dockerfile, the port is reachable from the host without -p.' },
        answer: false,
        explanation: { ko: 'X. EXPOSE는 포트를 적어 두는 문서 역할일 뿐이에요. 포트 게시는 docker run -p가 해요.', en: 'False. EXPOSE only documents the port; docker run -p publishes it.' },
        ref: { lesson: 'node-app', step: 'publish' },
      },
    ],
  },
  {
    id: 'commit-lab',
    title: { ko: '커밋 실습 퀴즈', en: 'Commit lab quiz' },
    passRatio: 0.5,
    questions: [
      {
        id: 'commit-cmd',
        kind: 'fill',
        prompt: { ko: '컨테이너를 새 이미지로 만드는 명령: docker container [ ]', en: 'The command that turns a container into an image: docker container [ ]' },
        accept: ['commit'],
        explanation: { ko: 'commit.', en: 'commit.' },
        ref: { lesson: 'commit-lab', step: 'commit' },
      },
      {
        id: 'original',
        kind: 'ox',
        prompt: { ko: '커밋한 뒤 diamol/ch03-lab 이미지로 새 컨테이너를 만들면 내 이름이 들어 있어요.', en: 'After the commit, a new container from diamol/ch03-lab has your name in it.' },
        answer: false,
        explanation: { ko: 'X. 원래 이미지는 그대로이고, 이름은 새 이미지 ch03-lab-soln에만 있어요.', en: 'False. The original image is unchanged; only the new ch03-lab-soln has your name.' },
        ref: { lesson: 'commit-lab', step: 'edit' },
      },
    ],
  },
  {
    id: 'buildkit-legacy',
    title: { ko: '빌더 퀴즈', en: 'Builders quiz' },
    passRatio: 0.5,
    questions: [
      {
        id: 'env-copy',
        kind: 'ox',
        prompt: { ko: 'BuildKit에서 ENV 값을 바꾸면 뒤의 COPY는 다시 빌드돼요.', en: 'In BuildKit, changing an ENV value reruns a later COPY.' },
        answer: false,
        explanation: { ko: 'X. COPY는 캐시에 남고, 뒤의 RUN만 다시 빌드돼요(레거시 빌더에서는 둘 다).', en: 'False. COPY stays cached and only later RUNs rerun (in the legacy builder both do).' },
        ref: { lesson: 'buildkit-legacy', step: 'bk-env' },
      },
      {
        id: 'metadata',
        kind: 'ox',
        prompt: { ko: 'BuildKit 출력에는 CMD가 번호 붙은 단계로 나오지 않아요.', en: 'BuildKit\'s output does not show CMD as a numbered step.' },
        answer: true,
        explanation: { ko: 'O. 설정만 바꾸는 인스트럭션은 단계가 아니에요.', en: 'True. Instructions that only change config are not steps.' },
        ref: { lesson: 'buildkit-legacy', step: 'bk-build' },
      },
    ],
  },
  {
    id: 'dockerfile-more',
    title: { ko: '-f와 ENTRYPOINT 퀴즈', en: '-f and ENTRYPOINT quiz' },
    passRatio: 0.5,
    questions: [
      {
        id: 'file-flag',
        kind: 'fill',
        prompt: { ko: 'Dockerfile이 아닌 다른 이름의 파일로 빌드할 때 쓰는 docker build 플래그: [ ]', en: 'The docker build flag to build from a file not named Dockerfile: [ ]' },
        accept: ['-f', '--file'],
        explanation: { ko: '-f (--file). 마지막 인자는 여전히 빌드 컨텍스트예요.', en: '-f (--file). The last argument is still the build context.' },
        ref: { lesson: 'dockerfile-more', step: 'file-flag' },
      },
      {
        id: 'entrypoint-args',
        kind: 'ox',
        prompt: { ko: 'docker run IMAGE 뒤에 준 인자는 ENTRYPOINT를 바꾸고 CMD는 그대로 둬요.', en: 'Arguments after docker run IMAGE replace ENTRYPOINT and keep CMD.' },
        answer: false,
        explanation: { ko: 'X. 반대예요. 인자는 CMD를 바꾸고 ENTRYPOINT는 남아요. ENTRYPOINT는 --entrypoint로 바꿔요.', en: 'False, the other way round: arguments replace CMD and ENTRYPOINT stays. --entrypoint replaces ENTRYPOINT.' },
        ref: { lesson: 'dockerfile-more', step: 'entrypoint-args' },
      },
      {
        id: 'dockerignore',
        kind: 'fill',
        prompt: { ko: '빌드 컨텍스트에서 뺄 파일을 적는 파일의 이름: [ ]', en: 'The file that lists what to leave out of the build context: [ ]' },
        accept: ['.dockerignore', 'dockerignore'],
        explanation: { ko: '.dockerignore. 여기 적힌 파일은 COPY할 수 없고 캐시 키에도 들어가지 않아요.', en: '.dockerignore. Files listed there cannot be copied and are not part of any cache key.' },
        ref: { lesson: 'dockerfile-more', step: 'dockerignore' },
      },
    ],
  },
  {
    id: 'multi-stage',
    title: { ko: '멀티 스테이지 퀴즈', en: 'Multi-stage quiz' },
    passRatio: 0.5,
    questions: [
      {
        id: 'from-flag',
        kind: 'fill',
        prompt: { ko: '앞 스테이지의 파일을 가져오는 COPY 플래그: COPY [ ]=build-stage ...', en: 'The COPY flag taking files from an earlier stage: COPY [ ]=build-stage ...' },
        accept: ['--from'],
        explanation: { ko: '--from.', en: '--from.' },
        ref: { lesson: 'multi-stage', step: 'build' },
      },
      {
        id: 'final',
        kind: 'ox',
        prompt: { ko: '최종 이미지에는 모든 스테이지의 레이어가 들어 있어요.', en: 'The final image contains every stage\'s layers.' },
        answer: false,
        explanation: { ko: 'X. 마지막 스테이지의 레이어만 들어가요.', en: 'False. Only the last stage\'s layers.' },
        ref: { lesson: 'multi-stage', step: 'run' },
      },
    ],
  },
  {
    id: 'volumes',
    title: { ko: '볼륨과 바인드 마운트 퀴즈', en: 'Volumes and bind mounts quiz' },
    passRatio: 0.66,
    questions: [
      {
        id: 'rm-keeps-volume',
        kind: 'ox',
        prompt: { ko: '`docker rm` 으로 컨테이너를 지우면 그 컨테이너가 마운트한 이름 있는 볼륨도 함께 지워져요.', en: 'Removing a container with `docker rm` also removes the named volume it mounted.' },
        answer: false,
        explanation: {
          ko: 'X. 쓰기 레이어만 사라지고 볼륨은 남아요. 볼륨은 `docker volume rm` 이나 `docker volume prune` 으로 지워요.',
          en: 'False. Only the writable layer goes; the volume stays until `docker volume rm` or `docker volume prune`.',
        },
        ref: { lesson: 'volumes', step: 'outlive' },
      },
      {
        id: 'bind-copy',
        kind: 'ox',
        prompt: { ko: '바인드 마운트한 폴더의 파일을 호스트에서 고치면, 실행 중인 컨테이너도 다시 빌드하지 않고 바뀐 내용을 봐요.', en: 'When you edit a file in a bind-mounted folder on the host, the container sees the change without a rebuild.' },
        answer: true,
        explanation: {
          ko: 'O. 바인드 마운트는 사본이 아니라 같은 폴더예요. COPY는 빌드할 때의 사본이라 다시 빌드해야 바뀌어요.',
          en: 'True. A bind mount is the same folder, not a copy. COPY takes a copy at build time, which changes only with a rebuild.',
        },
        ref: { lesson: 'volumes', step: 'bind-read' },
      },
      {
        id: 'volume-flag',
        kind: 'fill',
        prompt: { ko: 'notes-data 볼륨을 /data에 마운트하는 플래그: docker run [ ] notes-data:/data ...', en: 'The flag that mounts the notes-data volume at /data: docker run [ ] notes-data:/data ...' },
        accept: ['-v', '--volume'],
        explanation: { ko: '-v (--volume). `--mount type=volume,source=notes-data,target=/data` 로도 써요.', en: '-v (--volume). `--mount type=volume,source=notes-data,target=/data` says the same.' },
        ref: { lesson: 'volumes', step: 'write' },
      },
    ],
  },
];

export function quizById(id: string): QuizDef | undefined {
  return QUIZZES.find((q) => q.id === id);
}

/** Grades one answer: O/X by boolean, fill-in by normalised text (case, spaces and quotes ignored). */
export function gradeAnswer(q: QuestionDef, answer: boolean | string): boolean {
  if (q.kind === 'ox') return answer === q.answer;
  if (typeof answer !== 'string') return false;
  const norm = (s: string) => s.trim().toLowerCase().replace(/["'`]/g, '').replace(/\s+/g, ' ');
  const a = norm(answer);
  return q.accept.some((x) => norm(x) === a || norm(x).replace(/ /g, '') === a.replace(/ /g, ''));
}
