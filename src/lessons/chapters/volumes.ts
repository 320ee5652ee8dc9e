/**
 * Chapter 6: volumes and bind mounts. The workspace is the book's file-display exercise (ch06), whose input.txt the
 * bind-mount steps read; the volume steps use diamol/base, as the book's own examples do.
 */
import type { LessonDef } from '../types';
import * as c from '../checks';
import { BOOK_FILE_DISPLAY } from './bookFiles';

/** An image whose Dockerfile declares a volume: every container gets its own anonymous volume at /data. */
export const VISITORS_DOCKERFILE = `FROM diamol/base
VOLUME /data
CMD ["sh", "-c", "hostname >> /data/visitors.txt; cat /data/visitors.txt"]
`;

export const VOLUMES: LessonDef = {
  id: 'volumes',
  tag: 'file-display',
  chapter: 6,
  title: { ko: '볼륨과 바인드 마운트: 컨테이너보다 오래 남는 데이터', en: 'Volumes and bind mounts: data that outlives containers' },
  summary: {
    ko: '컨테이너의 쓰기 레이어는 컨테이너와 함께 사라져요. 볼륨에 쓴 데이터는 남고, 바인드 마운트는 작업 공간 폴더를 컨테이너와 함께 써요.',
    en: 'A container\'s writable layer goes with the container. Data written to a volume stays, and a bind mount shares your workspace folder with the container.',
  },
  files: { ...BOOK_FILE_DISPLAY, 'Dockerfile.volume': VISITORS_DOCKERFILE },
  setup: [['image', 'pull', 'diamol/base'], ['image', 'build', '-f', 'Dockerfile.volume', '-t', 'visitors', '.']],
  quiz: 'volumes',
  steps: [
    {
      id: 'create',
      concepts: [],
      title: { ko: '이름 있는 볼륨 만들기', en: 'Create a named volume' },
      instructions: {
        ko: '볼륨은 Docker가 컨테이너 밖에 따로 관리하는 저장 공간이에요. `docker volume create notes-data` 를 실행하세요. 엔진이 볼륨 이름을 그대로 출력해요. `docker volume ls` 로 목록에서 확인해 보세요.',
        en: 'A volume is storage Docker manages outside any container. Run `docker volume create notes-data`: the engine prints the volume\'s name back. Check the list with `docker volume ls`.',
      },
      hint: {
        ko: '이름 없이 `docker volume create` 만 하면 64자리 16진수 이름의 익명 볼륨이 생겨요. 다시 찾기 어려우니 이름을 붙이세요.',
        en: 'Plain `docker volume create` makes an anonymous volume with a 64-hex name, which is hard to find again: give it a name.',
      },
      commands: ['docker volume create notes-data', 'docker volume ls'],
      check: c.volumeExists('notes-data'),
    },
    {
      id: 'write',
      concepts: [],
      title: { ko: '컨테이너에서 볼륨에 쓰기', en: 'Write to the volume from a container' },
      instructions: {
        ko: '`-v notes-data:/data` 는 notes-data 볼륨을 컨테이너의 /data에 마운트해요. `docker container run --name writer -v notes-data:/data diamol/base sh -c "echo hello from writer > /data/note.txt"` 를 실행하세요. /data에 쓴 파일은 컨테이너의 쓰기 레이어가 아니라 볼륨에 저장돼요.',
        en: '`-v notes-data:/data` mounts the notes-data volume at /data in the container. Run `docker container run --name writer -v notes-data:/data diamol/base sh -c "echo hello from writer > /data/note.txt"`. A file written under /data lands in the volume, not in the container\'s writable layer.',
      },
      hint: {
        ko: '`-v` 를 빠뜨리면 /data는 그 컨테이너의 쓰기 레이어에 있는 평범한 디렉터리일 뿐이에요. 이름이 이미 쓰이고 있으면 `docker rm writer` 후 다시 실행하세요.',
        en: 'Without `-v`, /data is just a directory in that container\'s writable layer. If the name is taken, run `docker rm writer` and try again.',
      },
      commands: ['docker container run --name writer -v notes-data:/data diamol/base sh -c "echo hello from writer > /data/note.txt"'],
      check: c.volumeHasFile('notes-data', '/note.txt'),
    },
    {
      id: 'outlive',
      concepts: [],
      title: { ko: '컨테이너를 지워도 볼륨은 남아요', en: 'The volume outlives the container' },
      instructions: {
        ko: '`docker rm writer` 로 파일을 쓴 컨테이너를 지우세요. 쓰기 레이어는 함께 사라지지만 볼륨은 그대로예요. 그다음 새 컨테이너에 같은 볼륨을 마운트해서 읽어 보세요. `docker container run --name reader -v notes-data:/data diamol/base cat /data/note.txt` 를 실행하면 hello from writer가 나와요.',
        en: 'Remove the container that wrote the file with `docker rm writer`. Its writable layer goes with it, but the volume stays. Then mount the same volume into a new container and read it: `docker container run --name reader -v notes-data:/data diamol/base cat /data/note.txt` prints hello from writer.',
      },
      hint: {
        ko: '볼륨을 쓰는 컨테이너가 있는 동안에는 `docker volume rm notes-data` 가 "volume is in use"라며 거절돼요. 볼륨은 `docker volume rm` 이나 `docker volume prune` 으로만 지워져요.',
        en: 'While a container uses it, `docker volume rm notes-data` is refused with "volume is in use". A volume goes only with `docker volume rm` or `docker volume prune`.',
      },
      commands: ['docker rm writer', 'docker container run --name reader -v notes-data:/data diamol/base cat /data/note.txt'],
      check: c.volumeOutlivesContainer('notes-data', '/note.txt', 'writer'),
    },
    {
      id: 'dockerfile-volume',
      concepts: [],
      title: { ko: 'Dockerfile의 VOLUME: 컨테이너마다 익명 볼륨', en: 'VOLUME in a Dockerfile: an anonymous volume per container' },
      instructions: {
        ko: '작업 공간의 Dockerfile.volume에는 `VOLUME /data` 가 있어요. 레슨을 시작할 때 이 파일로 visitors 이미지를 빌드해 두었어요. `docker container run --name visit1 visitors` 와 `docker container run --name visit2 visitors` 를 차례로 실행하세요. 두 컨테이너 모두 자기 호스트 이름 한 줄만 출력해요. 컨테이너마다 새 익명 볼륨이 /data에 마운트되기 때문이에요. `docker volume ls` 에 64자리 16진수 이름의 볼륨이 두 개 늘어나 있어요.',
        en: 'Dockerfile.volume in the workspace has `VOLUME /data`; the visitors image was built from it when the lesson started. Run `docker container run --name visit1 visitors`, then `docker container run --name visit2 visitors`. Each prints only its own hostname: every container gets a new anonymous volume mounted at /data. `docker volume ls` has two more volumes with 64-hex names.',
      },
      hint: {
        ko: '`-v visitors-data:/data` 처럼 이름 있는 볼륨을 주면 VOLUME 대신 그 볼륨이 마운트되고, 두 컨테이너가 같은 파일을 함께 써요. 컨테이너를 지워도 익명 볼륨은 남아요. `docker rm -v` 나 `docker volume prune` 으로 정리해요.',
        en: 'Give a named volume, as in `-v visitors-data:/data`, and it is mounted instead, so both containers share one file. Removing a container leaves its anonymous volume behind: clean up with `docker rm -v` or `docker volume prune`.',
      },
      commands: ['docker container run --name visit1 visitors', 'docker container run --name visit2 visitors', 'docker volume ls'],
      check: c.anonymousVolumePerContainer('visitors', '/data'),
    },
    {
      id: 'bind-read',
      concepts: [],
      title: { ko: '바인드 마운트: 작업 공간 파일을 컨테이너에서 읽기', en: 'Bind mount: read a workspace file in a container' },
      instructions: {
        ko: '바인드 마운트는 호스트 컴퓨터의 폴더를 컨테이너 안에 그대로 보여 줘요. 여기서는 작업 공간이 호스트 폴더(/workspace)이고, 터미널에서는 `$(pwd)` 가 그 경로예요. 편집기에서 input.txt에 한 줄을 덧붙이고 저장한 다음, `docker container run --name display -v "$(pwd)":/data diamol/base cat /data/input.txt` 를 실행하세요. 다시 빌드하지 않아도 방금 고친 내용이 나와요.',
        en: 'A bind mount shows a folder of the host computer inside the container as it is. Here the workspace is the host folder (/workspace), and in the terminal `$(pwd)` is its path. Add a line to input.txt in the editor and save, then run `docker container run --name display -v "$(pwd)":/data diamol/base cat /data/input.txt`. What you just typed shows up, with no build.',
      },
      hint: {
        ko: '이 작업 공간의 Dockerfile로 이미지를 빌드해도 input.txt가 나오지만, 그건 빌드할 때 복사한 사본이에요. 바인드 마운트는 사본이 아니라 같은 파일이에요.',
        en: 'Building this workspace\'s Dockerfile prints input.txt too, but that is a copy taken at build time. A bind mount is the same file, not a copy.',
      },
      commands: ['docker container run --name display -v "$(pwd)":/data diamol/base cat /data/input.txt'],
      check: c.bindMountRead('input.txt'),
    },
    {
      id: 'bind-write',
      concepts: [],
      title: { ko: '바인드 마운트: 컨테이너가 작업 공간에 쓰기', en: 'Bind mount: a container writes to the workspace' },
      instructions: {
        ko: '바인드 마운트는 양쪽으로 통해요. `docker container run --name stamper -v "$(pwd)":/data diamol/base sh -c "hostname > /data/made-by.txt"` 를 실행하세요. 파일 목록에 made-by.txt가 생기고, 그 안에는 쓴 컨테이너의 호스트 이름(컨테이너 ID 앞 12자리)이 들어 있어요. 컨테이너를 지워도 이 파일은 작업 공간에 남아요.',
        en: 'A bind mount works both ways. Run `docker container run --name stamper -v "$(pwd)":/data diamol/base sh -c "hostname > /data/made-by.txt"`. made-by.txt appears in the file list, holding the writing container\'s hostname (the first 12 characters of its ID). Removing the container leaves the file in the workspace.',
      },
      hint: {
        ko: '파일 목록 위의 "새 파일" 버튼으로 직접 만든 made-by.txt는 컨테이너가 쓴 것이 아니에요. `docker container ls -a` 의 CONTAINER ID와 파일 내용을 비교해 보세요.',
        en: 'A made-by.txt you create with the "New file" button was not written by a container. Compare the file with CONTAINER ID in `docker container ls -a`.',
      },
      commands: ['docker container run --name stamper -v "$(pwd)":/data diamol/base sh -c "hostname > /data/made-by.txt"'],
      check: c.bindMountWrote('made-by.txt'),
    },
  ],
};
