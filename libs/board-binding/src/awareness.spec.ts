import { localAwarenessState, remoteCollaborators } from './awareness';

const alice = { id: 'user-a', name: 'Alice', color: '#e03131' };
const bob = { id: 'user-b', name: 'Bob', color: '#1971c2' };

describe('awareness', () => {
  it('builds the local state with only selected ids', () => {
    expect(localAwarenessState(alice, { x: 1, y: 2, tool: 'pointer', button: 'down' }, { e1: true, e2: false })).toEqual({
      user: alice,
      pointer: { x: 1, y: 2, tool: 'pointer', button: 'down' },
      selectedElementIds: { e1: true },
    });
    expect(localAwarenessState(alice)).toEqual({ user: alice });
  });

  it('maps other clients to Excalidraw collaborators and leaves out this client', () => {
    const states = new Map<number, unknown>([
      [1, localAwarenessState(alice, { x: 1, y: 2, tool: 'laser' })],
      [2, localAwarenessState(bob, null, { e1: true })],
    ]);

    const collaborators = remoteCollaborators(states, 1);

    expect([...collaborators.keys()]).toEqual(['2']);
    expect(collaborators.get('2' as never)).toEqual({
      id: 'user-b',
      socketId: '2',
      username: 'Bob',
      color: { background: '#1971c2', stroke: '#1971c2' },
      selectedElementIds: { e1: true },
    });
    expect(remoteCollaborators(states, 2).get('1' as never)).toMatchObject({
      pointer: { x: 1, y: 2, tool: 'laser' },
    });
  });

  it('skips malformed states and sanitises fields', () => {
    const states = new Map<number, unknown>([
      [2, {}],
      [3, { user: { id: 1, name: 'x', color: 'red' } }],
      [4, { user: bob, pointer: { x: 'a', y: 1 }, selectedElementIds: ['e1'] }],
      [5, { user: alice, pointer: { x: 3, y: 4, tool: 'pen', button: 'sideways' } }],
    ]);

    const collaborators = remoteCollaborators(states, 1);

    expect([...collaborators.keys()]).toEqual(['4', '5']);
    expect(collaborators.get('4' as never)).not.toHaveProperty('pointer');
    expect(collaborators.get('4' as never)).not.toHaveProperty('selectedElementIds');
    expect(collaborators.get('5' as never)?.pointer).toEqual({ x: 3, y: 4, tool: 'pointer' });
    expect(collaborators.get('5' as never)).not.toHaveProperty('button');
  });
});
