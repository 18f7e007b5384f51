package domain.shared;

/**
 * A value built from the deployment's settings (a policy, a limit, a key) whose construction refuses a
 * bad one. The service builds every such value when it starts, found by this type, so a setting its
 * own type refuses stops the start with that type's message instead of failing requests later (D57);
 * a new settings type only has to implement it.
 */
public interface Configured {}
