/** The project list's words, in the page's language (the list is the only part of the page that uses them). */
export interface ProjectListStrings {
  /** Before the open project's name in the list's summary line (with its own spacing: none after "："). */
  project: string;
  count(count: number): string;
  listLabel: string;
  openNow: string;
  /** Before the time the project was last edited. */
  edited: string;
  open(name: string): string;
  rename: string;
  renameLabel(name: string): string;
  newName: string;
  save: string;
  cancel: string;
  duplicate: string;
  duplicateLabel(name: string): string;
  delete: string;
  deleteLabel(name: string): string;
  deleteConfirm(name: string): string;
  emptyName: string;
  newProject: string;
  opened(name: string): string;
  created(name: string): string;
  deleted(name: string): string;
}

const en: ProjectListStrings = {
  project: 'Project: ',
  count: (count) => (count === 1 ? '1 project kept in this browser' : `${count} projects kept in this browser`),
  listLabel: 'Your projects',
  openNow: 'open now',
  edited: 'edited',
  open: (name) => `Open ‘${name}’`,
  rename: 'Rename',
  renameLabel: (name) => `Rename ‘${name}’`,
  newName: 'New name',
  save: 'Save',
  cancel: 'Cancel',
  duplicate: 'Duplicate',
  duplicateLabel: (name) => `Duplicate ‘${name}’`,
  delete: 'Delete',
  deleteLabel: (name) => `Delete ‘${name}’`,
  deleteConfirm: (name) => `Delete the project ‘${name}’ from this browser? This cannot be undone.`,
  emptyName: 'A project needs a name.',
  newProject: 'New project',
  opened: (name) => `Opened ‘${name}’.`,
  created: (name) => `Started ‘${name}’ from the template; your other projects are in the list.`,
  deleted: (name) => `Deleted ‘${name}’.`,
};

const zhCn: ProjectListStrings = {
  project: '项目：',
  count: (count) => `本浏览器中保存了 ${count} 个项目`,
  listLabel: '你的项目',
  openNow: '当前打开',
  edited: '修改于',
  open: (name) => `打开“${name}”`,
  rename: '重命名',
  renameLabel: (name) => `重命名“${name}”`,
  newName: '新名称',
  save: '保存',
  cancel: '取消',
  duplicate: '复制',
  duplicateLabel: (name) => `复制“${name}”`,
  delete: '删除',
  deleteLabel: (name) => `删除“${name}”`,
  deleteConfirm: (name) => `要从本浏览器中删除项目“${name}”吗？删除后无法恢复。`,
  emptyName: '项目需要一个名称。',
  newProject: '新建项目',
  opened: (name) => `已打开“${name}”。`,
  created: (name) => `已从模板新建“${name}”；你的其他项目都在列表中。`,
  deleted: (name) => `已删除“${name}”。`,
};

export function projectListStrings(locale: string): ProjectListStrings {
  return locale.toLowerCase().startsWith('zh') ? zhCn : en;
}
