/** Human words for why a step was rebuilt (ko, en). */
import type { MissReason } from '../../engine/build/events';
import type { Lang } from '../i18n/i18n';
import { translate } from '../i18n/i18n';

export function describeReason(lang: Lang, r: MissReason | undefined): string {
  if (!r) return '';
  switch (r.kind) {
    case 'first-build':
      return translate(lang, 'reason.first-build');
    case 'no-cache':
      return translate(lang, 'reason.no-cache');
    case 'instruction-changed':
      return translate(lang, 'reason.instruction-changed');
    case 'parent-changed':
      return r.moved
        ? translate(lang, 'stack.moved', { line: r.line, instruction: r.instruction })
        : translate(lang, 'reason.parent-changed', { line: r.line, instruction: r.instruction });
    case 'files-changed': {
      const shown = r.files.slice(0, 3).join(', ') + (r.files.length > 3 ? ` +${r.files.length - 3}` : '');
      return translate(lang, 'reason.files-changed', { files: shown });
    }
    case 'env-changed':
      return translate(lang, 'reason.env-changed', { names: r.names.join(', ') });
    case 'build-arg-changed':
      return translate(lang, 'reason.build-arg-changed', { names: r.names.join(', ') });
    case 'base-image-changed':
      return translate(lang, 'reason.base-image-changed', { image: r.image });
    default:
      return '';
  }
}
