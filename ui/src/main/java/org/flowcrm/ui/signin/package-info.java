/** Signing in: our login page in the layout, and who is signed in for the other pages. */
package org.flowcrm.ui.signin;
