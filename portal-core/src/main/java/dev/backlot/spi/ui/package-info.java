/**
 * UI extension point: {@link dev.backlot.spi.ui.UiContribution} puts a Facelets fragment that lives
 * inside the bundle into a named slot of the portal's pages: {@code entity.tab}, {@code entity.card},
 * {@code home.card} or {@code nav.page}.
 *
 * <p>A bundle keeps its fragments and static files beside its classes, e.g.
 * {@code /ui/card.xhtml} and {@code /static/card.css}, and registers one service per contribution:
 *
 * <pre>{@code
 * <!-- /ui/card.xhtml: #{model} is what model(context) returned -->
 * <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets">
 *   <link rel="stylesheet" href="#{pluginResources.url('card.css')}"/>
 *   <p class="my-card">#{model.summary()}</p>
 * </ui:composition>
 * }</pre>
 *
 * <p>1.0.0 is the first release; from it on the build's baseline check holds this package to
 * semantic versioning (a minor version only adds defaults, so a bundle built against 1.0.0 keeps
 * working on 1.x).
 */
@Export
@Version("1.0.0")
package dev.backlot.spi.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
