/**
 * Networks (the book uses them from chapter 4 on, `docker network create nat`, and Compose builds on them in
 * chapter 7): a user network, containers on it, reaching one another by name, and one container on two networks.
 */
import type { LessonDef } from '../types';
import * as c from '../checks';
import { BOOK_FILE_DISPLAY } from './bookFiles';

export const NETWORKS: LessonDef = {
  id: 'networks',
  tag: 'file-display',
  chapter: 4,
  title: { ko: '네트워크: 컨테이너끼리 이름으로 찾기', en: 'Networks: containers find each other by name' },
  summary: {
    ko: '네트워크를 만들고 컨테이너를 연결해요. 같은 사용자 네트워크에 있는 컨테이너는 서로의 이름으로 찾아가요.',
    en: 'Create a network and attach containers to it. Containers on the same user network reach each other by name.',
  },
  files: BOOK_FILE_DISPLAY,
  setup: [['image', 'pull', 'nginx'], ['image', 'pull', 'diamol/base']],
  quiz: 'networks',
  steps: [
    {
      id: 'create',
      concepts: [],
      title: { ko: '네트워크 만들기', en: 'Create a network' },
      instructions: {
        ko: '`docker network ls` 를 실행하면 Docker가 처음부터 갖고 있는 bridge, host, none 네트워크가 보여요. `docker network create app-net` 으로 내 네트워크를 만드세요. 엔진이 새 네트워크의 ID를 출력하고, 목록에 app-net이 bridge 드라이버로 추가돼요.',
        en: '`docker network ls` lists the networks Docker starts with: bridge, host and none. Create your own with `docker network create app-net`. The engine prints the new network\'s ID, and app-net joins the list with the bridge driver.',
      },
      hint: { ko: '`docker network inspect app-net` 으로 서브넷과 게이트웨이도 볼 수 있어요.', en: '`docker network inspect app-net` shows its subnet and gateway.' },
      commands: ['docker network ls', 'docker network create app-net'],
      check: c.networkExists('app-net'),
    },
    {
      id: 'attach',
      concepts: [],
      title: { ko: '네트워크에 컨테이너 연결하기', en: 'Attach a container to the network' },
      instructions: {
        ko: '`--network` 는 컨테이너를 시작할 때 연결할 네트워크를 정해요. 웹 서버 컨테이너를 app-net에서 백그라운드로 실행하세요. `docker container run -d --name web --network app-net nginx` 를 실행하세요.',
        en: '`--network` picks the network a container joins when it starts. Run a web server container in the background on app-net: `docker container run -d --name web --network app-net nginx`.',
      },
      hint: {
        ko: '`--network` 없이 실행하면 기본 bridge 네트워크에 연결돼요. 이름이 이미 쓰이고 있으면 `docker rm -f web` 후 다시 실행하세요.',
        en: 'Without `--network` the container joins the default bridge network. If the name is taken, run `docker rm -f web` and try again.',
      },
      commands: ['docker container run -d --name web --network app-net nginx'],
      check: c.containerMatches({ name: 'web', image: 'nginx', networks: ['app-net'] }),
    },
    {
      id: 'by-name',
      concepts: [],
      title: { ko: '컨테이너 이름으로 찾아가기', en: 'Reach a container by its name' },
      instructions: {
        ko: '사용자 네트워크에서는 Docker의 DNS가 컨테이너 이름을 그 컨테이너의 IP 주소로 바꿔 줘요. 같은 네트워크에 클라이언트 컨테이너를 실행하세요. `docker container run --name client --network app-net diamol/base wget -qO- http://web` 을 실행하면 nginx의 "Welcome to nginx!" 페이지가 나와요. -p로 포트를 게시하지 않아도 같은 네트워크의 컨테이너끼리는 통해요.',
        en: 'On a user network, Docker\'s DNS turns a container\'s name into its IP address. Run a client container on the same network: `docker container run --name client --network app-net diamol/base wget -qO- http://web` prints nginx\'s "Welcome to nginx!" page. Containers on one network talk to each other without publishing any port with -p.',
      },
      hint: {
        ko: '`--network app-net` 을 빼면 클라이언트는 기본 bridge 네트워크에 있고 `wget: bad address \'web\'` 으로 끝나요. 기본 bridge 네트워크에서는 이름으로 찾을 수 없어요.',
        en: 'Leave out `--network app-net` and the client is on the default bridge network, ending with `wget: bad address \'web\'`: on the default bridge, names do not resolve.',
      },
      commands: ['docker container run --name client --network app-net diamol/base wget -qO- http://web'],
      check: c.containerMatches({ image: 'diamol/base', state: 'exited', exitCode: 0, networks: ['app-net'], logsInclude: ['Welcome to nginx!'] }),
    },
    {
      id: 'connect',
      concepts: [],
      title: { ko: '실행 중인 컨테이너를 네트워크에 연결하기', en: 'Connect a running container to a network' },
      instructions: {
        ko: '컨테이너는 여러 네트워크에 동시에 연결될 수 있어요. 기본 bridge 네트워크에서 두 번째 웹 서버를 실행하세요: `docker container run -d --name web2 nginx`. 그다음 `docker network connect app-net web2` 로 실행 중인 web2를 app-net에도 연결하세요. 이제 `docker container run --rm --network app-net diamol/base wget -qO- http://web2` 가 web2의 페이지를 받아 와요.',
        en: 'A container can be on several networks at once. Start a second web server on the default bridge network: `docker container run -d --name web2 nginx`. Then connect the running web2 to app-net as well with `docker network connect app-net web2`. Now `docker container run --rm --network app-net diamol/base wget -qO- http://web2` fetches web2\'s page.',
      },
      hint: {
        ko: '`docker container inspect web2` 의 Networks에 bridge와 app-net이 모두 보여야 해요. 처음부터 `--network app-net` 으로 실행하면 app-net 하나에만 연결돼요.',
        en: 'Networks in `docker container inspect web2` should list both bridge and app-net. Started with `--network app-net`, it is on app-net only.',
      },
      commands: ['docker container run -d --name web2 nginx', 'docker network connect app-net web2', 'docker container run --rm --network app-net diamol/base wget -qO- http://web2'],
      check: c.containerMatches({ name: 'web2', image: 'nginx', networks: ['bridge', 'app-net'] }),
    },
  ],
};
