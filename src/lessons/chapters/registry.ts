/**
 * Chapter 5: sharing images through a registry. Layerlab's Docker Hub is offline and simulated: login takes any
 * account name, push stores the image under that account, pull brings it back. (A local `registry:2` container
 * cannot run in Layerlab yet, so the chapter's local registry part is not here.)
 */
import type { LessonDef } from '../types';
import * as c from '../checks';
import { normalizeRef } from '../world';

export const REGISTRY_DOCKERFILE = `FROM diamol/base
CMD ["echo", "hello from my registry image"]
`;

/** `<account>/hello:v1` (any account name). */
const isAccountHello = (a: string) => /^[a-z0-9][a-z0-9._-]*\/hello:v1$/.test(normalizeRef(a));

export const REGISTRY: LessonDef = {
  id: 'registry',
  tag: 'hello',
  chapter: 5,
  title: { ko: '레지스트리: 태그, 로그인, 푸시, 다시 받기', en: 'Registries: tag, log in, push, pull back' },
  summary: {
    ko: '내 이미지에 계정 이름이 든 태그를 붙이고, Docker Hub에 로그인해 푸시한 다음, 지우고 다시 받아 와요.',
    en: 'Tag your image with your account name, log in to Docker Hub and push it, then remove it and pull it back.',
  },
  files: { Dockerfile: REGISTRY_DOCKERFILE },
  setup: [['image', 'build', '-t', 'hello', '.']],
  quiz: 'registry',
  steps: [
    {
      id: 'tag',
      concepts: [],
      title: { ko: '계정 이름으로 태그 붙이기', en: 'Tag the image with your account name' },
      instructions: {
        ko: '레지스트리에 올릴 이미지의 저장소 이름에는 계정 이름이 앞에 붙어요(`계정/이름:태그`). 계정 이름이 없으면 docker.io/library/… 가 되는데, 그곳은 Docker의 공식 이미지 자리라 푸시할 수 없어요. `docker image tag hello learner/hello:v1` 을 실행하세요. learner 대신 원하는 계정 이름을 써도 돼요. `docker image ls` 에서 hello와 learner/hello의 IMAGE ID가 같은지 보세요. 태그는 같은 이미지에 붙은 또 하나의 이름이에요.',
        en: 'An image headed for a registry has the account name in front of its repository name (`account/name:tag`). Without one it becomes docker.io/library/…, the place of Docker\'s official images, where you cannot push. Run `docker image tag hello learner/hello:v1` (any account name will do instead of learner). In `docker image ls`, hello and learner/hello have the same IMAGE ID: a tag is one more name for the same image.',
      },
      hint: { ko: '`docker image tag hello hello:v1` 은 계정 이름이 없는 태그예요.', en: '`docker image tag hello hello:v1` is a tag without an account name.' },
      commands: ['docker image tag hello learner/hello:v1', 'docker image ls'],
      check: c.taggedForAccount('hello', 'hello', 'v1'),
    },
    {
      id: 'push',
      concepts: [],
      title: { ko: '로그인하고 푸시하기', en: 'Log in and push' },
      instructions: {
        ko: '푸시하려면 그 계정으로 로그인해야 해요. `docker login -u learner -p secret` 을 실행하세요. Layerlab의 Docker Hub는 연습용이라 어떤 비밀번호든 받아요. Docker가 `WARNING! Using --password via the CLI is insecure.` 라고 경고하는데, 명령에 쓴 비밀번호는 셸 기록에 남기 때문이에요. 실제 컴퓨터에서는 `-p` 없이 실행해서 Password: 에 입력하거나 `--password-stdin` 을 써요. "Login Succeeded"가 나오면 `docker image push learner/hello:v1` 을 실행하세요. 레이어마다 Preparing 다음에 Pushed(또는 다른 저장소에 이미 있으면 Mounted from)가 나오고, 마지막 줄에 digest가 나와요.',
        en: 'Pushing needs a login to that account. Run `docker login -u learner -p secret`: Layerlab\'s Docker Hub is a practice one and takes any password. Docker warns `WARNING! Using --password via the CLI is insecure.`, because a password on the command line stays in the shell\'s history; on a real computer, leave out `-p` and type it at Password:, or use `--password-stdin`. Once it says "Login Succeeded", run `docker image push learner/hello:v1`. Each layer shows Preparing, then Pushed (or Mounted from, when another repository already has it), and the last line gives the digest.',
      },
      hint: {
        ko: '로그인하지 않았거나 다른 계정 이름으로 푸시하면 `denied: requested access to the resource is denied` 가 나와요.',
        en: 'Without a login, or pushing to another account\'s name, you get `denied: requested access to the resource is denied`.',
      },
      commands: ['docker login -u learner -p secret', 'docker image push learner/hello:v1'],
      check: c.commandSucceeded('image push', { arg: isAccountHello, argLabel: 'learner/hello:v1' }),
    },
    {
      id: 'pull-back',
      concepts: [],
      title: { ko: '지우고 레지스트리에서 다시 받기', en: 'Remove it and pull it back from the registry' },
      instructions: {
        ko: '이제 이미지는 레지스트리에도 있어요. `docker image rm learner/hello:v1` 로 내 컴퓨터의 태그를 지우고, `docker image pull learner/hello:v1` 로 다시 받아 오세요. 레이어는 hello 이미지가 여전히 갖고 있어서 "Already exists"로 나오고, 같은 digest의 이미지가 돌아와요. `docker run learner/hello:v1` 로 실행해 보세요.',
        en: 'The image is in the registry now. Remove your local tag with `docker image rm learner/hello:v1`, then pull it back with `docker image pull learner/hello:v1`. The layers say "Already exists", since the hello image still has them, and the image comes back with the same digest. Run it with `docker run learner/hello:v1`.',
      },
      hint: {
        ko: '지우지 않고 받으면 "Image is up to date"만 나오고 레지스트리에서 아무것도 가져오지 않아요.',
        en: 'Pulling without removing it first only says "Image is up to date" and takes nothing from the registry.',
      },
      commands: ['docker image rm learner/hello:v1', 'docker image pull learner/hello:v1', 'docker run learner/hello:v1'],
      check: c.pulledBack('hello', 'v1'),
    },
  ],
};
