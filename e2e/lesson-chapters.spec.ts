/**
 * The later chapters in the browser, in Korean: the volumes chapter walked to the end from the terminal (a named
 * volume, data that outlives its container, a Dockerfile's VOLUME, bind mounts of the workspace that read an edited file and write a new
 * one), then the first steps of the networks, Compose, Go multi-stage and registry chapters. Screenshots of each go
 * to docs/screenshots/lesson-<chapter>.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectStepDone, lessonStep, typeAndWait } from './lesson-helpers';
import { appendNewline, openFile } from './helpers';

async function open(page: Page, lesson: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/#/lesson/' + lesson);
  await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 20_000 });
  await page.locator('.app-header select').first().selectOption('ko');
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-lesson', lesson);
  await page.getByTestId('lesson-start').click();
  await expect(page.getByTestId('lesson-restart')).toBeVisible({ timeout: 60_000 });
  return errors;
}

const type = (page: Page, line: string, prompt = '$') => typeAndWait(page, line, prompt, 60_000);
const step = lessonStep;
const expectDone = (page: Page, id: string) => expectStepDone(page, id, 30_000);
async function expectCurrent(page: Page, id: string) {
  await expect(step(page, id)).toHaveAttribute('data-status', 'current', { timeout: 30_000 });
}

test('volumes chapter in Korean: volume, data that outlives its container, bind mounts both ways', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await open(page, 'volumes');
  await expect(page.getByTestId('lesson-panel')).toContainText('볼륨과 바인드 마운트');

  // The shortcut of the first step: an anonymous volume does not complete it.
  await type(page, 'docker volume create');
  await page.waitForTimeout(500);
  await expectCurrent(page, 'create');
  await type(page, 'docker volume create notes-data');
  await expectDone(page, 'create');

  await type(page, 'docker container run --name writer -v notes-data:/data diamol/base sh -c "echo hello from writer > /data/note.txt"');
  await expectDone(page, 'write');

  await type(page, 'docker rm writer');
  await type(page, 'docker container run --name reader -v notes-data:/data diamol/base cat /data/note.txt');
  await expectDone(page, 'outlive');
  await expect(page.getByTestId('terminal')).toContainText('hello from writer');

  // VOLUME in the Dockerfile: each container gets its own anonymous volume.
  await type(page, 'docker container run --name visit1 visitors');
  await type(page, 'docker container run --name visit2 visitors');
  await expectDone(page, 'dockerfile-volume');

  // Edit the workspace file, then read it through a bind mount of the workspace folder.
  await openFile(page, 'input.txt');
  await appendNewline(page, '');
  await page.keyboard.type('edited in the workspace');
  await page.keyboard.press('Enter');
  await type(page, 'clear');
  await type(page, 'docker container run --name display -v "$(pwd)":/data diamol/base cat /data/input.txt');
  await expect(page.getByTestId('terminal')).toContainText('edited in the workspace');
  await expectDone(page, 'bind-read');

  await type(page, 'docker container run --name stamper -v "$(pwd)":/data diamol/base sh -c "hostname > /data/made-by.txt"');
  await expectDone(page, 'bind-write');
  await expect(page.getByTestId('file-tree').getByRole('button', { name: 'made-by.txt', exact: true })).toBeVisible();
  await expect(page.getByTestId('lesson-done')).toBeVisible();
  await type(page, 'docker volume ls');
  await page.screenshot({ path: 'docs/screenshots/lesson-volumes.png' });
  expect(errors).toEqual([]);
});

test('networks chapter in Korean: a user network and a container reached by name', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await open(page, 'networks');
  await type(page, 'docker network create app-net');
  await expectDone(page, 'create');
  await type(page, 'docker container run -d --name web --network app-net nginx');
  await expectDone(page, 'attach');
  await type(page, 'clear');
  await type(page, 'docker container run --name client diamol/base wget -qO- http://web');
  await expect(page.getByTestId('terminal')).toContainText("bad address 'web'");
  await expectCurrent(page, 'by-name');
  await type(page, 'docker container run --name client2 --network app-net diamol/base wget -qO- http://web');
  await expectDone(page, 'by-name');
  await page.screenshot({ path: 'docs/screenshots/lesson-networks.png' });
  expect(errors).toEqual([]);
});

test('Compose chapter in Korean: up and logs', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await open(page, 'compose');
  await type(page, 'docker compose up -d');
  await expectDone(page, 'up');
  await type(page, 'clear');
  await type(page, 'docker compose ps');
  await type(page, 'docker compose logs client');
  await expectDone(page, 'logs');
  await openFile(page, 'compose.yaml');
  await page.screenshot({ path: 'docs/screenshots/lesson-compose.png' });
  expect(errors).toEqual([]);
});

test('Go multi-stage chapter in Korean: build and the build stage alone', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await open(page, 'go-multi-stage');
  await type(page, 'docker build -t image-gallery .');
  await expectDone(page, 'build');
  await type(page, 'docker build --target builder -t gallery-build .');
  await type(page, 'clear');
  await type(page, 'docker image ls');
  await expectDone(page, 'build-stage');
  await expect(page.getByTestId('terminal')).toContainText('gallery-build');
  await page.screenshot({ path: 'docs/screenshots/lesson-go-multi-stage.png' });
  expect(errors).toEqual([]);
});

test('registry chapter in Korean: tag and push to the practice Docker Hub', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await open(page, 'registry');
  await type(page, 'docker image tag hello learner/hello:v1');
  await expectDone(page, 'tag');
  await type(page, 'clear');
  await type(page, 'docker image push learner/hello:v1');
  await expect(page.getByTestId('terminal')).toContainText('denied: requested access to the resource is denied');
  await expectCurrent(page, 'push');
  await type(page, 'docker login -u learner -p secret');
  await expect(page.getByTestId('terminal')).toContainText('Login Succeeded');
  await type(page, 'docker image push learner/hello:v1');
  await expectDone(page, 'push');
  await page.screenshot({ path: 'docs/screenshots/lesson-registry.png' });
  expect(errors).toEqual([]);
});
