import { Command, InvalidArgumentError } from 'commander';
import chalk, { Chalk } from 'chalk';

const tasks = [
  { id: 1, title: 'Write the Dockerfile', done: true, priority: 2 },
  { id: 2, title: 'Build the image', done: false, priority: 1 },
  { id: 3, title: 'Publish port 3000', done: false, priority: 3 },
];

// The colours a terminal would get (level 1: 16 colours), whatever the output is attached to.
const color = new Chalk({ level: 1 });

function parsePriority(value) {
  const n = Number.parseInt(value, 10);
  if (Number.isNaN(n) || n < 1 || n > 3) throw new InvalidArgumentError('Use 1, 2 or 3.');
  return n;
}

const program = new Command();
program.name('todo').description('A tiny task list').version('0.3.0');

program
  .command('list')
  .description('show the tasks')
  .option('-a, --all', 'include finished tasks')
  .option('-p, --priority <n>', 'only this priority', parsePriority)
  .action((opts) => {
    const shown = tasks.filter((t) => (opts.all || !t.done) && (!opts.priority || t.priority === opts.priority));
    for (const t of shown) {
      const mark = t.done ? color.green('✔') : color.yellow('•');
      console.log(`${mark} ${color.bold(String(t.id))} ${t.title} ${color.dim(`(p${t.priority})`)}`);
    }
    console.log(chalk.cyan(`${shown.length} of ${tasks.length} tasks`));
    console.log('chalk level without a terminal:', chalk.level);
  });

program
  .command('add')
  .description('add a task')
  .argument('<title...>', 'what to do')
  .option('-p, --priority <n>', 'priority 1-3', parsePriority, 2)
  .action((title, opts) => {
    const task = { id: tasks.length + 1, title: title.join(' '), done: false, priority: opts.priority };
    console.log(color.green('added'), JSON.stringify(task));
  });

program.parse();
