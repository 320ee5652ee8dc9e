import { describe, expect, it } from 'vitest';
import { formatList, formatObject, parseTemplate, TemplateError } from './template';

describe('Go template subset for --format', () => {
  const data = { Client: { Version: '28.2.2' }, Tags: ['a', 'b'], Labels: { x: '1' }, Empty: '' };
  it('evaluates fields, functions and pipelines', () => {
    expect(parseTemplate('{{.Client.Version}}').execute(data)).toBe('28.2.2');
    expect(parseTemplate('{{json .Client}}').execute(data)).toBe('{"Version":"28.2.2"}');
    expect(parseTemplate('{{.Client | json}}').execute(data)).toBe('{"Version":"28.2.2"}');
    expect(parseTemplate('{{join .Tags ", "}}|{{upper "x"}}|{{index .Labels "x"}}|{{len .Tags}}').execute(data)).toBe('a, b|X|1|2');
    expect(parseTemplate('{{printf "%-5s|" .Client.Version}}').execute(data)).toBe('28.2.2|');
    expect(parseTemplate('{{.Tags}} {{.Labels}}').execute(data)).toBe('[a b] map[x:1]');
  });
  it('supports if/else, range and trim markers', () => {
    expect(parseTemplate('{{if .Empty}}yes{{else}}no{{end}}').execute(data)).toBe('no');
    expect(parseTemplate('{{range .Tags}}<{{.}}>{{end}}').execute(data)).toBe('<a><b>');
    expect(parseTemplate('a  {{- " b " -}}  c').execute(data)).toBe('a b c');
  });
  it('reports a bad field as an error, like docker', () => {
    expect(() => parseTemplate('{{.Nope}}').execute(data)).toThrow(TemplateError);
    expect(() => parseTemplate('{{if .X}}').execute(data)).toThrow(TemplateError);
  });
  it('formats lists as docker does: table with headers, json lines, plain template', () => {
    const rows = [
      { Repository: 'web-ping', Tag: 'latest', ID: '1113b0fb22da' },
      { Repository: '<none>', Tag: '<none>', ID: 'a0971c4015c1' },
    ];
    const headers = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID' };
    expect(formatList('', 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}', rows, headers)).toBe(
      'REPOSITORY   TAG       IMAGE ID\nweb-ping     latest    1113b0fb22da\n<none>       <none>    a0971c4015c1\n',
    );
    expect(formatList('{{.ID}}', 'table {{.ID}}', rows, headers)).toBe('1113b0fb22da\na0971c4015c1\n');
    expect(formatList('json', 'table {{.ID}}', rows.slice(0, 1), headers)).toBe('{"Repository":"web-ping","Tag":"latest","ID":"1113b0fb22da"}\n');
    expect(formatObject('{{.A}}', { A: 1 })).toBe('1\n');
  });
});
