/**
 * Container names like Docker's generator (adjective_surname): our own word lists of adjectives and of
 * scientists and engineers. Like Docker, "boring_wozniak" is never generated (Steve Wozniak is not boring),
 * and a retry after a collision appends a digit.
 */
import type { RandomSource } from '../core/env';

export const ADJECTIVES = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold',
  'boring', 'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'condescending', 'confident', 'cool',
  'cranky', 'crazy', 'dazzling', 'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated',
  'elegant', 'eloquent', 'epic', 'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty',
  'funny', 'gallant', 'gifted', 'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful', 'hungry',
  'infallible', 'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind', 'laughing', 'loving',
  'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty', 'nervous', 'nice', 'nifty', 'nostalgic',
  'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical', 'priceless', 'quirky', 'quizzical',
  'recursing', 'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp', 'silly', 'sleepy', 'stoic', 'strange',
  'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat', 'vibrant', 'vigilant',
  'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen',
];

export const SURNAMES = [
  'agnesi', 'albattani', 'allen', 'archimedes', 'ardinghelli', 'aryabhata', 'babbage', 'banach', 'bardeen', 'bartik',
  'bassi', 'bell', 'benz', 'bhabha', 'bhaskara', 'blackwell', 'bohr', 'booth', 'borg', 'bose', 'brahmagupta',
  'brattain', 'brown', 'carson', 'cerf', 'chandrasekhar', 'chatelet', 'clarke', 'colden', 'cori', 'cray', 'curie',
  'darwin', 'davinci', 'dijkstra', 'dubinsky', 'easley', 'edison', 'einstein', 'elion', 'engelbart', 'euclid',
  'euler', 'faraday', 'fermat', 'fermi', 'feynman', 'franklin', 'galileo', 'gates', 'goldberg', 'goldstine',
  'goodall', 'hamilton', 'hawking', 'heisenberg', 'hermann', 'hertz', 'hodgkin', 'hofstadter', 'hopper', 'hypatia',
  'jang', 'jemison', 'jennings', 'johnson', 'joliot', 'kalam', 'keldysh', 'kepler', 'khorana', 'kilby', 'knuth',
  'kowalevski', 'lamarr', 'lamport', 'leakey', 'leavitt', 'lovelace', 'lumiere', 'mayer', 'mccarthy', 'mcclintock',
  'meitner', 'mendel', 'merkle', 'minsky', 'mirzakhani', 'morse', 'napier', 'nash', 'neumann', 'newton', 'nobel',
  'noether', 'pascal', 'pasteur', 'payne', 'perlman', 'pike', 'poincare', 'ptolemy', 'raman', 'ramanujan', 'ride',
  'ritchie', 'rosalind', 'sammet', 'shannon', 'shockley', 'sinoussi', 'stonebraker', 'swanson', 'tesla', 'thompson',
  'torvalds', 'turing', 'varahamihira', 'vaughan', 'villani', 'volhard', 'wescoff', 'wiles', 'williams', 'wilson',
  'wing', 'wozniak', 'wright', 'wu', 'yalow', 'yonath', 'zhukovsky',
];

const pick = <T>(r: RandomSource, a: readonly T[]) => a[Math.floor(r.next() * a.length) % a.length];

/** One random name; with `retry` > 0 a digit is appended (Docker's GetRandomName). */
export function randomName(r: RandomSource, retry = 0): string {
  for (;;) {
    const name = `${pick(r, ADJECTIVES)}_${pick(r, SURNAMES)}`;
    if (name === 'boring_wozniak') continue;
    return retry > 0 ? `${name}${Math.floor(r.next() * 10)}` : name;
  }
}

/** A 64-hex container ID from the injected random source. */
export function randomId(r: RandomSource): string {
  let s = '';
  while (s.length < 64) s += Math.floor(r.next() * 0x10000).toString(16).padStart(4, '0');
  return s.slice(0, 64);
}

/** Docker's rule for user-given names: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`. */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
