/**
 * UI strings of the robustness features (panel error boundaries, multi-tab warnings): add keys to both tables.
 * messages.ts merges them into the app's tables. Keys are prefixed "robust." so they never clash.
 */
export const enRobustness = {
  'robust.panel.files': 'Files',
  'robust.panel.editor': 'Editor',
  'robust.panel.build': 'Build controls',
  'robust.panel.layers': 'Layer stack',
  'robust.panel.terminal': 'Terminal',
  'robust.panel.side': 'Containers and preview',
  'robust.panel.lesson': 'Lesson',
  'robust.panelFailed': 'The {panel} panel stopped working.',
  'robust.panelFailedBody': 'The rest of Layerlab keeps working and your files are saved. Reload this panel to try again.',
  'robust.panelDetail': 'Details',
  'robust.reloadPanel': 'Reload this panel',
  'robust.reloadPage': 'Reload the page',
  'robust.otherTab': 'This workspace is also open in another tab. Changes made there were saved; reload to see them before editing here, or keep editing here and your changes will replace theirs.',
  'robust.otherTabReload': 'Reload',
  'robust.otherTabDismiss': 'Keep editing here',
};

export const koRobustness: Record<keyof typeof enRobustness, string> = {
  'robust.panel.files': '파일',
  'robust.panel.editor': '편집기',
  'robust.panel.build': '빌드 도구',
  'robust.panel.layers': '레이어 스택',
  'robust.panel.terminal': '터미널',
  'robust.panel.side': '컨테이너와 미리보기',
  'robust.panel.lesson': '레슨',
  'robust.panelFailed': '{panel} 패널이 멈췄습니다.',
  'robust.panelFailedBody': 'Layerlab의 나머지 부분은 계속 동작하고 파일은 저장되어 있습니다. 이 패널을 다시 불러와 보세요.',
  'robust.panelDetail': '자세히',
  'robust.reloadPanel': '이 패널 다시 불러오기',
  'robust.reloadPage': '페이지 새로고침',
  'robust.otherTab': '이 작업 공간이 다른 탭에서도 열려 있습니다. 그 탭의 변경 사항은 저장되었습니다. 여기서 편집하기 전에 새로고침해서 확인하거나, 계속 편집하면 여기의 변경 사항이 그 내용을 덮어씁니다.',
  'robust.otherTabReload': '새로고침',
  'robust.otherTabDismiss': '여기서 계속 편집',
};
