/** The API tokens page: a user's own tokens (and everyone's for administrators), create, revoke. */
package org.flowcrm.ui.apitoken;
