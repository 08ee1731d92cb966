package org.flowcrm.engine.processing;

import org.flowcrm.engine.state.EngineState;

/**
 * Keys of variables. The engine stores a scope's variables as a name → value map without a key per
 * variable, so a variable's key is derived: the low 40 bits carry the scope key's sequence number
 * (the part above partition 1's base), the 23 bits above them a hash of the name. Decoding the
 * scope gives a get by key without an index; a name-hash collision within one scope (two names of
 * the same scope with equal 23-bit hashes) would make one of them unreachable by key — unlikely
 * with the handful of variables a scope holds, and search still lists both.
 */
final class VariableKeys {

  private static final long SCOPE_BITS = 40;
  private static final long SCOPE_MASK = (1L << SCOPE_BITS) - 1;
  private static final int NAME_MASK = (1 << 23) - 1;

  private VariableKeys() {}

  static long of(long scopeKey, String name) {
    long sequence = (scopeKey - EngineState.KEY_BASE) & SCOPE_MASK;
    return ((long) nameHash(name) << SCOPE_BITS) | sequence;
  }

  static long scopeKey(long variableKey) {
    return EngineState.KEY_BASE + (variableKey & SCOPE_MASK);
  }

  static boolean names(long variableKey, String name) {
    return (variableKey >>> SCOPE_BITS) == nameHash(name);
  }

  private static int nameHash(String name) {
    int h = name.hashCode();
    h ^= (h >>> 16) * 0x45d9f3b; // spread the bits String.hashCode leaves clustered
    return h & NAME_MASK;
  }
}
