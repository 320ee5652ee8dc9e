/** Issue 3: parse + validate + lint speed of the Dockerfile front end, in Node. */
import { lintDockerfile, parseDockerfile } from '../../src/engine/dockerfile/index';
import { median, ms, type Row } from './table';

/**
 * A 10,000-line Dockerfile: comments, continuations, ENV/ARG/COPY/RUN/HEALTHCHECK, in `stages` stages
 * (10 by default; the stress variant puts a stage every 17 lines).
 */
export function bigDockerfile(lines = 10_000, stages = 10): string {
  const out = ['# syntax=docker/dockerfile:1', 'ARG NODE_VERSION=20', 'FROM node:${NODE_VERSION}-alpine AS base', 'WORKDIR /app'];
  const blocksPerStage = Math.max(1, Math.ceil(lines / 17 / stages));
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `# block ${i}: build part ${i} of the app`,
      i % blocksPerStage === 0 ? `FROM base AS part${i}` : `RUN echo "part ${i}"`,
      `ARG PART=${i}`,
      `ENV PART_NAME="part-${i}" \\`,
      `    PART_PORT=${3000 + (i % 1000)}`,
      `WORKDIR /app/part${i}`,
      `COPY --chown=node:node package*.json ./`,
      `RUN set -eux; \\`,
      `    npm ci --omit=dev; \\`,
      `    echo "built part ${i}" > /app/part${i}/BUILT; \\`,
      `    ls -la /app/part${i}`,
      `COPY --from=base /app /app/base${i}`,
      `LABEL org.example.part="${i}"`,
      `EXPOSE ${3000 + (i % 1000)}`,
      `HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:${3000 + (i % 1000)}/ || exit 1`,
      `CMD ["node", "server.js"]`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** A typical 20-line Dockerfile (a Node web app with a build stage). */
export const TYPICAL_DOCKERFILE = `# syntax=docker/dockerfile:1
FROM node:20-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-alpine
ENV NODE_ENV=production \\
    PORT=8080
WORKDIR /app
COPY --from=build /src/package.json ./
RUN npm ci --omit=dev
COPY --from=build /src/dist ./dist
USER node
EXPOSE 8080
HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1
CMD ["node", "dist/server.js"]
`;

function parseAndLint(text: string): number {
  const t0 = performance.now();
  const out = parseDockerfile(text);
  if (out.error) throw new Error(`bench Dockerfile does not parse: ${out.error.message}`);
  lintDockerfile(out);
  return performance.now() - t0;
}

export function benchParse(): Row[] {
  const big = bigDockerfile();
  const nLines = big.split('\n').length - 1;
  for (let i = 0; i < 3; i++) parseAndLint(big); // warm up the JIT
  const bigTimes = Array.from({ length: 15 }, () => parseAndLint(big));
  const stress = bigDockerfile(10_000, 600);
  const stressStages = parseDockerfile(stress).dockerfile?.stages.length ?? 0;
  parseAndLint(stress);
  const stressTimes = Array.from({ length: 5 }, () => parseAndLint(stress));
  const typicalLines = TYPICAL_DOCKERFILE.split('\n').length - 1;
  for (let i = 0; i < 200; i++) parseAndLint(TYPICAL_DOCKERFILE);
  const typTimes = Array.from({ length: 2000 }, () => parseAndLint(TYPICAL_DOCKERFILE));
  const b = median(bigTimes);
  const t = median(typTimes);
  const st = median(stressTimes);
  const bigStages = parseDockerfile(big).dockerfile?.stages.length ?? 0;
  return [
    { issue: '3', figure: `parse+validate+lint, ${nLines.toLocaleString('en')}-line Dockerfile, ${bigStages} stages (Node, median)`, value: ms(b), target: '< 50 ms', pass: b < 50, note: '15 runs' },
    { issue: '3', figure: `same, stress variant: 10,000 lines in ${stressStages} stages (Node, median)`, value: ms(st), target: '< 50 ms', pass: st < 50, note: '5 runs' },
    { issue: '3', figure: `parse+validate+lint, typical ${typicalLines}-line Dockerfile (Node, median)`, value: ms(t), target: '< 0.5 ms', pass: t < 0.5, note: '2,000 runs' },
  ];
}
