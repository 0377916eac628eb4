package dev.polder.connectors.testing;

/** How the scriptable upstream answers one request. See {@link Behaviours} for ready-made ones. */
@FunctionalInterface
public interface Behaviour {
  void answer(Exchange exchange);
}
