/**
 * Chapter 7: Docker Compose. The workspace holds a compose.yaml with two services, a web server and a client that
 * fetches its page by the service name: up, logs, a change to the desired state, down.
 */
import type { LessonDef } from '../types';
import * as c from '../checks';

export const COMPOSE_YAML = `services:
  web:
    image: nginx
    ports:
      - "8080:80"

  client:
    image: diamol/base
    command: ["wget", "-qO-", "http://web"]
    depends_on:
      - web
`;

export const COMPOSE_FILES: Record<string, string> = { 'compose.yaml': COMPOSE_YAML };

export const COMPOSE: LessonDef = {
  id: 'compose',
  tag: 'compose-app',
  chapter: 7,
  title: { ko: 'Docker Compose: 여러 컨테이너를 파일 하나로', en: 'Docker Compose: several containers from one file' },
  summary: {
    ko: 'compose.yaml에 서비스들을 적고 `docker compose up` 한 번으로 네트워크와 컨테이너를 만들어요. 파일을 고치면 Compose가 바뀐 것만 다시 만들어요.',
    en: 'Describe the services in compose.yaml and create the network and containers with one `docker compose up`. Edit the file and Compose recreates only what changed.',
  },
  files: COMPOSE_FILES,
  setup: [['image', 'pull', 'nginx'], ['image', 'pull', 'diamol/base']],
  quiz: 'compose',
  steps: [
    {
      id: 'up',
      concepts: [],
      title: { ko: 'docker compose up으로 앱 실행하기', en: 'Start the app with docker compose up' },
      instructions: {
        ko: '편집기의 compose.yaml에는 서비스가 둘 있어요. web은 nginx 웹 서버이고, client는 web을 서비스 이름으로 불러 페이지를 받아 와요. `docker compose up -d` 를 실행하세요. Compose가 workspace_default 네트워크를 만들고, 서비스마다 workspace-web-1, workspace-client-1 같은 컨테이너를 만들어요. 프로젝트 이름 workspace는 작업 공간 폴더 이름에서 와요.',
        en: 'compose.yaml in the editor has two services: web, an nginx web server, and client, which fetches web\'s page by the service name. Run `docker compose up -d`. Compose creates the network workspace_default and one container per service, such as workspace-web-1 and workspace-client-1. The project name, workspace, comes from the workspace folder\'s name.',
      },
      hint: {
        ko: '`docker run` 으로 같은 컨테이너를 하나씩 만들어도 Compose 프로젝트가 되지는 않아요. Compose는 자기가 만든 컨테이너에 레이블을 붙여 알아봐요.',
        en: 'Making the same containers one by one with `docker run` does not make a Compose project: Compose knows its containers by the labels it puts on them.',
      },
      commands: ['docker compose up -d', 'docker compose ps'],
      check: c.allOf(c.composeService('web', { state: 'running' }), c.composeService('client', { state: 'exited', exitCode: 0, logsInclude: 'Welcome to nginx!' })),
    },
    {
      id: 'logs',
      concepts: [],
      title: { ko: '서비스 로그 보기', en: 'Read a service\'s logs' },
      instructions: {
        ko: '`docker compose logs client` 를 실행하세요. 줄마다 앞에 client-1 같은 서비스 컨테이너 이름이 붙고, client가 web에서 받아 온 "Welcome to nginx!" 페이지가 보여요. `docker compose ps` 는 이 프로젝트의 실행 중인 컨테이너만 보여 줘요.',
        en: 'Run `docker compose logs client`. Each line starts with the service container\'s name, such as client-1, and shows the "Welcome to nginx!" page client fetched from web. `docker compose ps` lists only this project\'s running containers.',
      },
      hint: { ko: '서비스 이름 없이 `docker compose logs` 만 하면 모든 서비스의 로그가 섞여 나와요.', en: 'Plain `docker compose logs` interleaves every service\'s logs.' },
      commands: ['docker compose logs client'],
      check: c.commandSucceeded('compose logs', { arg: (a) => a === 'client', argLabel: 'client', outputIncludes: 'Welcome to nginx!' }),
    },
    {
      id: 'change',
      concepts: [],
      title: { ko: '파일을 고치고 다시 up 하기', en: 'Edit the file and run up again' },
      instructions: {
        ko: 'compose.yaml은 원하는 상태를 적은 파일이에요. web의 포트를 "8080:80"에서 "8081:80"으로 바꾸고 저장한 뒤 `docker compose up -d` 를 다시 실행하세요. Compose는 설정이 바뀐 web 컨테이너만 다시 만들어요(Recreate). `docker compose ps` 의 PORTS에서 8081을 확인하세요.',
        en: 'compose.yaml describes the state you want. Change web\'s port from "8080:80" to "8081:80", save, and run `docker compose up -d` again. Compose recreates only the web container, whose configuration changed. Check 8081 under PORTS in `docker compose ps`.',
      },
      hint: { ko: '파일만 고치면 실행 중인 컨테이너는 그대로예요. Compose는 up을 실행할 때 파일과 실제 상태를 비교해요.', en: 'Editing the file alone leaves the running container as it is: Compose compares the file with what runs when you run up.' },
      commands: ['docker compose up -d', 'docker compose ps'],
      check: c.composeService('web', { state: 'running', port: { hostPort: 8081, containerPort: 80 } }),
    },
    {
      id: 'down',
      concepts: [],
      title: { ko: 'docker compose down으로 정리하기', en: 'Clean up with docker compose down' },
      instructions: {
        ko: '`docker compose down` 은 프로젝트의 컨테이너를 멈추고 지운 다음 Compose가 만든 네트워크까지 지워요. 실행해 보고 `docker container ls -a` 와 `docker network ls` 로 확인하세요. 이미지와 이름 있는 볼륨은 남아요.',
        en: '`docker compose down` stops and removes the project\'s containers, then removes the network Compose made. Run it and check with `docker container ls -a` and `docker network ls`. Images and named volumes stay.',
      },
      hint: { ko: '`docker compose stop` 은 컨테이너를 멈추기만 하고 지우지 않아요.', en: '`docker compose stop` only stops the containers; it does not remove them.' },
      commands: ['docker compose down'],
      check: c.composeDown(),
    },
  ],
};
