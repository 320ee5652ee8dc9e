/**
 * Chapter 4: a multi-stage build of a real app, the book's image-gallery (Go). The build stage has the Go SDK; the
 * run image has only the compiled server. `--target` builds the first stage alone, so the two can be compared.
 * (The book's Java app, image-of-the-day, needs Maven, which Layerlab cannot run yet.)
 */
import type { LessonDef } from '../types';
import * as c from '../checks';
import { normalizeRef } from '../world';
import { BOOK_IMAGE_GALLERY } from './bookFiles';

const isGallery = (a: string) => normalizeRef(a) === 'image-gallery:latest';

export const GO_MULTI_STAGE: LessonDef = {
  id: 'go-multi-stage',
  tag: 'image-gallery',
  chapter: 4,
  title: { ko: '멀티 스테이지 빌드: Go 앱의 빌드 이미지와 실행 이미지', en: 'Multi-stage build: a Go app\'s build image and run image' },
  summary: {
    ko: '책의 image-gallery 앱을 빌드해요. Go SDK가 든 빌드 스테이지에서 컴파일하고, 실행 이미지에는 결과 파일만 담아 크기를 크게 줄여요.',
    en: 'Build the book\'s image-gallery app: it is compiled in a build stage that has the Go SDK, and the run image takes only the result, which saves most of the size.',
  },
  files: BOOK_IMAGE_GALLERY,
  setup: [['image', 'pull', 'diamol/golang'], ['image', 'pull', 'diamol/base']],
  quiz: 'go-multi-stage',
  steps: [
    {
      id: 'build',
      concepts: [],
      title: { ko: '두 스테이지로 빌드하기', en: 'Build with two stages' },
      instructions: {
        ko: '편집기의 Dockerfile에는 FROM이 둘이에요. `FROM diamol/golang AS builder` 스테이지는 main.go를 `go build` 로 컴파일하고, `FROM diamol/base` 스테이지는 `COPY --from=builder /server .` 으로 컴파일된 파일만 가져와요. `docker build -t image-gallery .` 을 실행하고 빌드 출력에서 [builder 3/3]과 [stage-1 …] 단계를 찾아보세요.',
        en: 'The Dockerfile in the editor has two FROMs. The `FROM diamol/golang AS builder` stage compiles main.go with `go build`; the `FROM diamol/base` stage takes only the compiled file with `COPY --from=builder /server .`. Run `docker build -t image-gallery .` and find the [builder 3/3] and [stage-1 …] steps in the build output.',
      },
      hint: { ko: '최종 이미지는 마지막 스테이지예요. CMD는 /web/server예요.', en: 'The final image is the last stage; its CMD is /web/server.' },
      commands: ['docker build -t image-gallery .'],
      check: c.allOf(c.imageBuilt('image-gallery', { cmdIncludes: '/web/server' }), c.lastBuildShape('image-gallery', { minStages: 2, hasStep: ['RUN go build'] })),
    },
    {
      id: 'build-stage',
      concepts: [],
      title: { ko: '빌드 스테이지만 따로 빌드해서 크기 비교하기', en: 'Build the build stage alone and compare sizes' },
      instructions: {
        ko: '`--target` 은 그 스테이지까지만 빌드해요. `docker build --target builder -t gallery-build .` 을 실행한 다음 `docker image ls` 로 두 이미지의 SIZE를 비교하세요. Go SDK가 든 gallery-build는 980MB, 실행 이미지 image-gallery는 16.5MB예요. 멀티 스테이지 빌드 덕분에 SDK의 거의 1GB가 실행 이미지에 들어가지 않았어요.',
        en: '`--target` builds up to that stage only. Run `docker build --target builder -t gallery-build .`, then compare the SIZE of the two images with `docker image ls`. gallery-build, with the Go SDK, is 980MB; the run image image-gallery is 16.5MB. Thanks to the multi-stage build, nearly 1GB of SDK stays out of the run image.',
      },
      hint: {
        ko: '`docker tag diamol/golang gallery-build` 로 이름만 붙인 SDK 이미지에는 컴파일 단계가 없어요. 빌드해야 해요.',
        en: 'The SDK image renamed with `docker tag diamol/golang gallery-build` has no compile step: build it.',
      },
      commands: ['docker build --target builder -t gallery-build .', 'docker image ls'],
      check: c.allOf(c.lastBuildShape('gallery-build', { hasStep: ['RUN go build'], noStep: ['COPY --from'] }), c.imageSmallerThan('image-gallery', 'gallery-build', 10)),
    },
    {
      id: 'no-sdk',
      concepts: [],
      title: { ko: '실행 이미지에는 SDK가 없어요', en: 'The run image has no SDK' },
      instructions: {
        ko: '`docker run --name has-go gallery-build go version` 은 Go 버전을 출력해요. 빌드 스테이지에는 SDK가 있으니까요. 이제 `docker run --name no-go image-gallery go version` 을 실행하세요. 실행 이미지에는 go가 없어서 Docker가 `exec: "go": executable file not found in $PATH` 로 거절해요. 실행 이미지에는 앱을 실행하는 데 필요한 것만 있어요.',
        en: '`docker run --name has-go gallery-build go version` prints the Go version: the build stage has the SDK. Now run `docker run --name no-go image-gallery go version`. The run image has no go, so Docker refuses with `exec: "go": executable file not found in $PATH`. The run image holds only what running the app needs.',
      },
      hint: { ko: '이름이 이미 쓰이고 있으면 다른 --name을 쓰세요.', en: 'If a name is taken, use another --name.' },
      commands: ['docker run --name has-go gallery-build go version', 'docker run --name no-go image-gallery go version'],
      check: c.commandRefused('container run', { arg: isGallery, argLabel: 'image-gallery go version', errorIncludes: 'exec: "go": executable file not found', flagsWithValue: ['--name'] }),
    },
  ],
};
