/** The core UI strings (app shell, editor, layers, terminal, containers, settings), English and Korean. */
export const enCore = {
  'app.title': 'Layerlab',
  'app.tagline': 'A Docker engine in your browser',
  'region.editor': 'Dockerfile and build context editor',
  'region.layers': 'Layer stack',
  'region.terminal': 'Terminal',
  'region.lesson': 'Lesson',
  'lang.switch': 'Language',
  'lesson.failed': 'The lesson panel could not be loaded.',
} as const;

export const koCore: Record<keyof typeof enCore, string> = {
  'app.title': 'Layerlab',
  'app.tagline': '브라우저 안의 Docker 엔진',
  'region.editor': 'Dockerfile 및 빌드 컨텍스트 편집기',
  'region.layers': '레이어 스택',
  'region.terminal': '터미널',
  'region.lesson': '레슨',
  'lang.switch': '언어',
  'lesson.failed': '레슨 패널을 불러오지 못했습니다.',
};
