package org.sitekeeper.core.api.security;

/**
 * Changes to a staff account; a {@code null} component leaves that attribute as it is.
 *
 * @param role a new role
 * @param password a new password (at least 12 characters)
 * @param disabled {@code true} to lock the account out of every face, {@code false} to let it in again
 */
public record UserChange(String role, String password, Boolean disabled) {}
