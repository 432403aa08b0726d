// Fixture: no-unremoved-listener in TypeScript.
// Env: default (node + browser).
import { EventEmitter } from 'node:events';

const typedBus: EventEmitter = new EventEmitter();

export class TypedLayout {
  private readonly onResize = (): void => this.layout();

  mount(): void {
    // expect: no-unremoved-listener error "'resize'"
    window.addEventListener('resize', this.onResize);
  }

  subscribe(): void {
    // expect: no-unremoved-listener error "inline listener for 'update' on 'typedBus' can never be removed"
    typedBus.on('update', (payload: unknown): void => console.log(payload as string));
  }

  private layout(): void {}
}

export function typedInline(target: EventTarget): void {
  // expect: no-unremoved-listener error "'change'"
  target.addEventListener('change', (event: Event): void => console.log(event.type));
}
