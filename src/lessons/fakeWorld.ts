/**
 * An in-memory LessonWorld for unit tests and for previewing checks without an engine.
 * Builders fill it with the same shapes the real adapter produces.
 */
import type { LessonWorld, QuizScore, WorldBuild, WorldBuildStep, WorldCommand, WorldContainer, WorldImage, WorldNetwork, WorldVolume } from './world';
import { canonicalCommand } from './commands';

export class FakeWorld implements LessonWorld {
  imageList: WorldImage[] = [];
  containerList: WorldContainer[] = [];
  buildList: WorldBuild[] = [];
  commandList: WorldCommand[] = [];
  fileMap: Record<string, string> = {};
  scores: Record<string, QuizScore> = {};
  /** Paths in each image's filesystem, by image id. */
  imagePaths: Record<string, string[]> = {};
  volumeList: WorldVolume[] = [];
  networkList: WorldNetwork[] = [
    { name: 'bridge', builtIn: true, driver: 'bridge', labels: {} },
    { name: 'host', builtIn: true, driver: 'host', labels: {} },
    { name: 'none', builtIn: true, driver: 'null', labels: {} },
  ];
  /** Files in each volume, by volume name, then path from the volume's root. */
  volumeFiles: Record<string, Record<string, string>> = {};
  root: string | null = '/workspace';
  private seq = 0;

  images() {
    return this.imageList;
  }
  containers() {
    return this.containerList;
  }
  builds() {
    return this.buildList;
  }
  commands() {
    return this.commandList;
  }
  files() {
    return this.fileMap;
  }
  quizScores() {
    return this.scores;
  }
  imageHasPath(imageId: string, path: string) {
    return (this.imagePaths[imageId] ?? []).includes(path);
  }
  volumes() {
    return this.volumeList;
  }
  networks() {
    return this.networkList;
  }
  volumeFile(name: string, path: string) {
    return this.volumeFiles[name]?.[path] ?? null;
  }
  hostRoot() {
    return this.root;
  }

  image(tags: string[], layers: string[], extra: Partial<WorldImage> = {}): WorldImage {
    const img: WorldImage = {
      id: `sha256:${(this.imageList.length + 1).toString(16).padStart(64, '0')}`,
      tags,
      layers,
      size: layers.length * 1000,
      env: [],
      cmd: [],
      entrypoint: [],
      workingDir: '',
      exposedPorts: [],
      ...extra,
    };
    this.imageList.push(img);
    return img;
  }

  container(extra: Partial<WorldContainer> & { name: string; image: string }): WorldContainer {
    const c: WorldContainer = {
      id: (this.containerList.length + 1).toString(16).padStart(64, 'c'),
      imageId: '',
      state: 'running',
      exitCode: null,
      env: [],
      ports: [],
      tty: false,
      interactive: false,
      changes: [],
      logs: '',
      cmd: [],
      mounts: [],
      networks: ['bridge'],
      labels: {},
      hostname: (this.containerList.length + 1).toString(16).padStart(64, 'c').slice(0, 12),
      ...extra,
    };
    this.containerList.push(c);
    return c;
  }

  command(argv: string[], exitCode = 0, stdout = '', env: Record<string, string> = {}, stderr = ''): WorldCommand {
    const { command, args } = canonicalCommand(argv);
    const c = { seq: ++this.seq, command, args, exitCode, stdout, stderr, env };
    this.commandList.push(c);
    return c;
  }

  build(tags: string[], steps: Partial<WorldBuildStep>[], extra: Partial<WorldBuild> = {}): WorldBuild {
    const b: WorldBuild = {
      seq: ++this.seq,
      builder: 'buildkit',
      ok: true,
      imageId: `sha256:${(this.buildList.length + 100).toString(16).padStart(64, 'b')}`,
      tags,
      durationMs: 1000,
      steps: steps.map((s, index) => {
        const name = s.name ?? 'RUN true';
        const instruction = s.instruction ?? name.split(' ')[0];
        return {
          index,
          stage: 'stage-0',
          name,
          instruction,
          metadataOnly: ['ENV', 'CMD', 'EXPOSE', 'LABEL', 'ARG', 'ENTRYPOINT', 'USER'].includes(instruction),
          outcome: 'built',
          durationMs: 10,
          layer: true,
          ...s,
        };
      }),
      ...extra,
    };
    this.buildList.push(b);
    return b;
  }
}
