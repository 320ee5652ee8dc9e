/** Every user-visible UI string, in English and Korean. Docker's own output is never translated. */
export const en = {
  'app.title': 'Layerlab',
  'app.tagline': 'A Docker engine in your browser',
  'region.editor': 'Dockerfile and build context editor',
  'region.layers': 'Layer stack',
  'region.terminal': 'Terminal',
  'region.lesson': 'Lesson',
  'lang.switch': 'Language',
} as const;

export type MessageKey = keyof typeof en;

export const ko: Record<MessageKey, string> = {
  'app.title': 'Layerlab',
  'app.tagline': '브라우저 안의 Docker 엔진',
  'region.editor': 'Dockerfile 및 빌드 컨텍스트 편집기',
  'region.layers': '레이어 스택',
  'region.terminal': '터미널',
  'region.lesson': '레슨',
  'lang.switch': '언어',
};
