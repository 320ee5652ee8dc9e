/**
 * Lessons end to end: a learner types docker commands into the terminal (xterm) and the lesson's steps turn
 * complete from the engine's state; in English and in Korean. Also the commit lab, presenter mode, share links
 * and the quiz. Screenshots go to docs/screenshots/lesson-{en,ko,presenter}.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { expectStepDone, lessonStep, typeAndWait } from './lesson-helpers';
import { appendNewline, openFile, setEditorText } from './helpers';

async function open(page: Page, hash: string, lang: 'en' | 'ko') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/' + hash);
  await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 20_000 });
  await page.locator('.app-header select').first().selectOption(lang);
  await expect(page.getByTestId('lesson-start').or(page.getByTestId('lesson-restart'))).toBeVisible();
  return errors;
}

const type = (page: Page, line: string, prompt = '$') => typeAndWait(page, line, prompt, 30_000);
const step = lessonStep;
const expectDone = (page: Page, id: string) => expectStepDone(page, id, 20_000);

for (const lang of ['en', 'ko'] as const) {
  test(`web-ping chapter lesson, completed from the terminal (${lang})`, async ({ page }) => {
    const errors = await open(page, '#/lesson/web-ping', lang);
    await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-lesson', 'web-ping');
    await page.getByTestId('lesson-start').click();
    await expect(page.getByTestId('lesson-restart')).toBeVisible();
    await expect(step(page, 'pull')).toHaveAttribute('data-status', 'current');

    // A wrong command does not complete a step.
    await type(page, 'docker image pull diamol/ch03-web-pong');
    await page.waitForTimeout(500);
    await expect(step(page, 'pull')).toHaveAttribute('data-status', 'current');

    await type(page, 'docker image pull diamol/ch03-web-ping');
    await expectDone(page, 'pull');
    await type(page, 'docker container run -d --name web-ping diamol/ch03-web-ping');
    await expectDone(page, 'run-detached');
    await type(page, 'docker container logs web-ping');
    await expectDone(page, 'logs');
    await type(page, 'docker rm -f web-ping');
    await expectDone(page, 'remove');
    await type(page, 'docker container run -d --name web-ping --env TARGET=google.com diamol/ch03-web-ping');
    await expectDone(page, 'env');
    await expect(step(page, 'build')).toHaveAttribute('data-status', 'current');
    await type(page, 'clear');
    await type(page, 'docker container ls');
    await page.screenshot({ path: `docs/screenshots/lesson-${lang}.png` });
    await type(page, 'docker image build --tag web-ping .');
    await expectDone(page, 'build');
    await type(page, "docker image ls 'w*'");
    await expectDone(page, 'list');
    await expect(page.getByTestId('lesson-done')).toBeVisible();
    await expect(page.getByTestId('lesson-progress')).toContainText(lang === 'ko' ? '7단계 중 7단계 완료' : '7 of 7 steps done');

    // Progress is saved: a reload keeps it.
    await page.reload();
    await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 20_000 });
    await expectDone(page, 'list');
    expect(errors).toEqual([]);
  });

  test(`commit lab: an image built by hand from a container (${lang})`, async ({ page }) => {
    const errors = await open(page, '#/lesson/commit-lab', lang);
    await page.getByTestId('lesson-start').click();
    await type(page, 'docker container run -it --name lab diamol/ch03-lab', '/diamol #');
    await expectDone(page, 'run-it');
    await type(page, 'echo Kim >> ch03.txt', '/diamol #');
    await type(page, 'exit');
    await expectDone(page, 'edit');
    await type(page, 'docker container commit lab ch03-lab-soln');
    await expectDone(page, 'commit');
    await type(page, 'docker container run ch03-lab-soln cat ch03.txt');
    await expectDone(page, 'verify');
    await expect(page.getByTestId('terminal')).toContainText('Lab solution, by: Kim');
    await expect(page.getByTestId('lesson-done')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

/** The cache chapter's starting Dockerfile (src/lessons/workspaces.ts) and the order the chapter asks for. */
const CACHE_DOCKERFILE = 'FROM diamol/node\n\nENV TARGET="blog.sixeyed.com"\nENV METHOD="HEAD"\nENV INTERVAL="3000"\n\nWORKDIR /web-ping\nCOPY package.json app.js ./\nRUN npm install\n\nCMD ["node", "/web-ping/app.js"]\n';
const CACHE_REORDERED = 'FROM diamol/node\n\nCMD ["node", "/web-ping/app.js"]\nENV TARGET="blog.sixeyed.com" \\\n    METHOD="HEAD" \\\n    INTERVAL="3000"\n\nWORKDIR /web-ping\nCOPY package.json ./\nRUN npm install\nCOPY app.js ./\n';
const band = (page: Page, line: number) => page.locator(`[data-testid="layer"][data-line="${line}"]`);
const builtBands = (page: Page) => page.locator('[data-testid="layer"][data-status="built"]').count();
/** A step that must still be current after something that should not complete it (the check has had time to run). */
async function stillCurrent(page: Page, id: string) {
  await page.waitForTimeout(500);
  await expect(step(page, id)).toHaveAttribute('data-status', 'current');
}

test('the cache chapter under BuildKit, in Korean: a cascade, config only, the legacy rule and the ordering gain', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await open(page, '#/lesson/cache', 'ko');
  await page.getByTestId('lesson-start').click();
  // The lesson's setup (a build with RUN npm install) has finished when Restart is enabled again.
  await expect(page.getByTestId('lesson-restart')).toBeEnabled({ timeout: 60_000 });
  await expect(step(page, 'rebuild')).toHaveAttribute('data-status', 'current');
  // Learners read what is missing in Korean, never a check's internal name.
  await expect(page.getByTestId('lesson-panel')).not.toContainText(/lastBuild|commandSucceeded|\(imagePresent\)/);
  await type(page, 'docker image build -t web-ping .');
  await expectDone(page, 'rebuild');

  // An edit that is not built completes nothing; built, it shows the cascade.
  await openFile(page, 'app.js');
  await appendNewline(page, '// changed');
  await expect(band(page, 8)).toHaveAttribute('data-status', 'will-rebuild');
  await stillCurrent(page, 'change-app');
  await type(page, 'docker image build -t web-ping .');
  await expectDone(page, 'change-app');
  await expect(band(page, 8)).toHaveAttribute('data-status', 'built');
  await expect(band(page, 9)).toHaveAttribute('data-status', 'built');
  await expect(band(page, 9)).toHaveAttribute('aria-label', /RUN npm install.*8번째 줄이 다시 빌드되어 이어서 다시 빌드됨/);
  const rebuiltBefore = await builtBands(page);

  // Only config changes: BuildKit keeps every layer.
  await openFile(page, 'Dockerfile');
  await setEditorText(page, CACHE_DOCKERFILE.replace('"/web-ping/app.js"', '"app.js"'));
  await type(page, 'docker image build -t web-ping .');
  await expectDone(page, 'config-only');
  await expect(band(page, 9)).toHaveAttribute('data-status', 'cached');

  // The legacy builder: a cold build is not the rule; a changed ENV line on a warm cache is.
  await type(page, 'DOCKER_BUILDKIT=0 docker image build -t web-ping .');
  await stillCurrent(page, 'legacy-rule');
  await setEditorText(page, CACHE_DOCKERFILE.replace('"/web-ping/app.js"', '"app.js"').replace('INTERVAL="3000"', 'INTERVAL="5000"'));
  await type(page, 'DOCKER_BUILDKIT=0 docker image build -t web-ping .');
  await expectDone(page, 'legacy-rule');

  // Reorder: the editor text alone does not count, the build does.
  await setEditorText(page, CACHE_REORDERED);
  await stillCurrent(page, 'reorder');
  await type(page, 'docker image build -t web-ping .');
  await expectDone(page, 'reorder');

  // The gain: the same kind of change now rebuilds only the last COPY.
  await openFile(page, 'app.js');
  await appendNewline(page, '// again');
  await expect(band(page, 11)).toHaveAttribute('data-status', 'will-rebuild');
  await type(page, 'docker image build -t web-ping .');
  await expectDone(page, 'verify');
  await expect(band(page, 10)).toHaveAttribute('data-status', 'cached');
  await expect(band(page, 11)).toHaveAttribute('data-status', 'built');
  expect(await builtBands(page)).toBeLessThan(rebuiltBefore);

  await type(page, 'docker image build --no-cache -t web-ping .');
  await expectDone(page, 'no-cache');
  await expect(page.getByTestId('lesson-done')).toBeVisible();
  await expect(page.getByTestId('lesson-progress')).toContainText('7단계 중 7단계 완료');
  await page.screenshot({ path: 'docs/screenshots/lesson-cache-ko.png' });
  expect(errors).toEqual([]);
});

test('presenter mode: large type, chrome hidden, toggled from the lesson panel', async ({ page }) => {
  await open(page, '#/lesson/cache', 'ko');
  await page.getByTestId('lesson-start').click();
  // The lesson's setup (a build with RUN npm install) has finished when Restart is enabled again.
  await expect(page.getByTestId('lesson-restart')).toBeEnabled({ timeout: 60_000 });
  await expect(step(page, 'rebuild')).toHaveAttribute('data-status', 'current');
  await type(page, 'docker image build -t web-ping .');
  await expectDone(page, 'rebuild');
  await type(page, 'clear');
  await type(page, 'docker image history web-ping');
  const before = await page.locator('.lesson-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const speed = page.getByLabel('애니메이션 속도');
  await expect(speed).toHaveValue('250');
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');
  await expect(page.locator('.app-header .tagline')).toBeHidden();
  // Workspace management, build targets and arguments are hidden; the files stay; the animation is slower.
  await expect(page.getByRole('button', { name: '새 작업 공간' })).toBeHidden();
  await expect(page.getByText('대상 스테이지')).toBeHidden();
  await expect(page.getByTestId('file-tree').getByRole('button', { name: 'app.js' })).toBeVisible();
  await expect(speed).toHaveValue('900');
  const after = await page.locator('.lesson-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(after).toBeGreaterThan(before);
  // Let the (slower) layer animation settle before the screenshot.
  await expect
    .poll(async () => /실행 중|대기/.test(await page.getByTestId('layer-stack').innerText()), { timeout: 15_000 })
    .toBe(false)
    .catch(() => undefined);
  await page.waitForTimeout(800); // the last band's transition
  await page.screenshot({ path: 'docs/screenshots/lesson-presenter.png' });
  // The header's switch is the same mode, also with the lesson panel closed.
  await page.getByRole('button', { name: '레슨 패널' }).click();
  await expect(page.getByTestId('lesson-region')).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');
  await expect(page.getByRole('button', { name: '새 작업 공간' })).toBeHidden();
  await page.getByLabel('발표 모드').uncheck();
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter', 'true');
  await expect(page.locator('.app-header .tagline')).toBeVisible();
  await expect(page.getByRole('button', { name: '새 작업 공간' })).toBeVisible();
  await expect(speed).toHaveValue('250');
  await page.getByLabel('발표 모드').check();
  await expect(speed).toHaveValue('900');
});

test('share links: a workspace round-trips; a hostile link is refused and never rendered as HTML', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#/lesson/web-ping/env', 'en');
  await page.getByTestId('lesson-start').click();
  await page.getByTestId('share-button').click();
  const link = await page.locator('.share-msg input').inputValue();
  expect(link).toMatch(/#\/share\/[A-Za-z0-9_-]+$/);

  const page2 = await context.newPage();
  await page2.goto(link);
  await expect(page2.getByTestId('share-import')).toBeVisible({ timeout: 20_000 });
  await expect(page2.getByTestId('share-import')).toContainText('Dockerfile');
  await expect(page2.getByTestId('share-import')).toContainText('FROM diamol/node');
  await page2.getByTestId('share-open').click();
  await expect(page2.getByTestId('share-import')).toBeHidden();

  // A hand-made link whose file is HTML: shown as text, not markup.
  const evilJson = JSON.stringify({ v: 1, files: { 'index.html': '<img src=x onerror="window.__pwned=1"><b>bold</b>' } });
  const evilHash = '#/share/' + Buffer.from(deflateSync(strToU8(evilJson))).toString('base64url');
  const page3 = await context.newPage();
  await page3.goto('/' + evilHash);
  await expect(page3.getByTestId('share-import')).toBeVisible({ timeout: 20_000 });
  await expect(page3.getByTestId('share-import').locator('pre')).toContainText('<img src=x onerror=');
  await expect(page3.getByTestId('share-import').locator('img, b')).toHaveCount(0);
  expect(await page3.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // A damaged link: a clear error, nothing opened.
  await page3.goto('/#/share/' + 'A'.repeat(10));
  await page3.reload();
  await expect(page3.getByTestId('share-import')).toHaveAttribute('role', 'alert', { timeout: 20_000 });
});

test('the chapter 3 review quiz: answers are graded, saved, and complete the step', async ({ page }) => {
  await open(page, '#/lesson/ch3-review', 'en');
  const quiz = page.getByTestId('quiz-ch3');
  await quiz.getByTestId('quiz-q-host-env').getByLabel('O (true)').check();
  await quiz.getByTestId('quiz-q-dockerfile-name').getByRole('textbox').fill('Dockerfile');
  await quiz.getByTestId('quiz-q-ls-size').getByLabel('X (false)').check();
  await quiz.getByTestId('quiz-q-order').getByLabel('X (false)').check();
  await quiz.getByTestId('quiz-submit').click();
  await expect(quiz.getByTestId('quiz-score')).toContainText('3 of 4 right');
  await expect(quiz.getByTestId('quiz-q-host-env').locator('[data-result]')).toHaveAttribute('data-result', 'wrong');
  await expect(quiz.getByTestId('quiz-q-host-env').getByRole('link')).toHaveAttribute('href', '#/lesson/web-ping/env');
  await expectDone(page, 'quiz');
  // The explanation links back into the lesson step, which opens expanded.
  await quiz.getByTestId('quiz-q-host-env').getByRole('link').click();
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-lesson', 'web-ping');
  await expect(step(page, 'env')).toContainText('--env');
  // The score was saved.
  await page.goto('/#/lesson/ch3-review');
  await expect(page.getByTestId('quiz-score')).toContainText('3 of 4 right', { timeout: 20_000 });
});

test('classroom: compare two Dockerfiles in two engines, and replay the last build step by step', async ({ page }) => {
  const errors = await open(page, '#/lesson/cache', 'en');
  await page.getByTestId('lesson-tab-compare').click();
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-verdict')).toContainText('fewer step', { timeout: 60_000 });
  await expect(page.getByTestId('compare-naive')).toContainText('built RUN npm install');
  await expect(page.getByTestId('compare-optimized')).toContainText('CACHED RUN npm install');

  await page.getByTestId('lesson-tab-replay').click();
  await expect(page.getByTestId('replay-view')).toContainText('No build yet');
  await page.getByTestId('lesson-tab-lesson').click();
  await page.getByTestId('lesson-start').click();
  await expect(page.getByTestId('lesson-restart')).toBeVisible();
  await type(page, 'docker image build -t web-ping .');
  await page.getByTestId('lesson-tab-replay').click();
  const scrubber = page.getByTestId('replay-scrubber');
  await expect(scrubber).toBeVisible();
  await scrubber.fill('0');
  await expect(page.locator('.replay-step')).toHaveCount(0);
  await scrubber.fill('3');
  await expect(page.locator('.replay-step').first()).toBeVisible();
  await page.getByTestId('replay-play').click();
  await expect(page.locator('.replay-view, [data-testid=replay-view]')).toContainText('Build finished', { timeout: 30_000 });
  await expect(page.locator('.replay-step[data-status=cached]').first()).toBeVisible();
  expect(errors).toEqual([]);
});
