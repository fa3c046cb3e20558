package org.sitekeeper.core.api.security;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import org.sitekeeper.core.api.Actor;

/**
 * Staff accounts of the hub, shared by REST, console and shell. Passwords are stored with a slow salted
 * hash. Only admins manage accounts; the last enabled admin cannot be removed, demoted or disabled.
 */
@ProviderType
public interface UserService {

    List<UserDto> list();

    Optional<UserDto> find(String username);

    /**
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming the field at fault
     * @throws org.sitekeeper.core.api.error.ConflictException when the name is taken
     */
    CreatedUser create(NewUser user, Actor actor);

    /** @throws org.sitekeeper.core.api.error.NotFoundException when there is no such account */
    UserDto change(String username, UserChange change, Actor actor);

    /** @throws org.sitekeeper.core.api.error.NotFoundException when there is no such account */
    void delete(String username, Actor actor);

    /**
     * Lets a user change their own password, proving the current one.
     *
     * @throws org.sitekeeper.core.api.error.AuthenticationException when {@code currentPassword} is wrong
     */
    void changeOwnPassword(String username, String currentPassword, String newPassword, Actor actor);
}
