import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A way through the IVR's menus into a queue: the keys pressed, one per menu. */
export interface MenuRoute {
  queue: string;
  reason: string;
  digits: string[];
}

export interface MenuPaths {
  /** The key for each language at the language menu, which only unknown callers hear. */
  languageDigits: Record<string, string>;
  routes: MenuRoute[];
}

interface MenuOption {
  digit?: string | number;
  language?: string;
  queue?: string;
  reason?: string;
  next?: string;
}

interface FlowNode {
  kind?: string;
  options?: MenuOption[];
}

interface Flow {
  languageMenu?: string;
  start?: string;
  nodes?: Record<string, FlowNode>;
}

/**
 * Reads the keypad paths of flow `main` from `<configDir>/ivr/main.yaml`, so that simulated
 * callers press what the configured menus ask for: every menu option that leads into a queue,
 * reached from the start node without going back (a sub-menu is entered once per path).
 */
export function readMenuPaths(configDir: string): MenuPaths {
  const file = join(configDir, 'ivr', 'main.yaml');
  const flow = (parse(readFileSync(file, 'utf8')) as { flows?: { main?: Flow } }).flows?.main;
  if (!flow?.start || !flow.nodes) throw new Error(`${file}: flows.main needs start and nodes`);
  const nodes = flow.nodes;
  const languageDigits: Record<string, string> = {};
  for (const option of nodes[flow.languageMenu ?? '']?.options ?? []) {
    if (option.language && option.digit !== undefined) languageDigits[option.language] = String(option.digit);
  }
  const routes: MenuRoute[] = [];
  const walk = (nodeName: string, digits: string[], visited: Set<string>) => {
    const node = nodes[nodeName];
    if (node?.kind !== 'menu') return;
    for (const option of node.options ?? []) {
      if (option.digit === undefined) continue;
      const path = [...digits, String(option.digit)];
      if (option.queue)
        routes.push({ queue: option.queue, reason: option.reason ?? option.queue, digits: path });
      else if (option.next && !visited.has(option.next))
        walk(option.next, path, new Set([...visited, option.next]));
    }
  };
  walk(flow.start, [], new Set([flow.start]));
  if (routes.length === 0) throw new Error(`${file}: no menu of flows.main leads into a queue`);
  return { languageDigits, routes };
}
