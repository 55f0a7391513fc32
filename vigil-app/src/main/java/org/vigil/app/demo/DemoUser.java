package org.vigil.app.demo;

import org.vigil.model.Role;

/**
 * A demo login.
 *
 * @param username login name
 * @param organisation organisation id
 * @param role role
 */
public record DemoUser(String username, String organisation, Role role) {}
