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
 * <p>0.2.0 added {@code kinds()}, {@code types()}, the {@code CONTEXT_*} keys and
 * {@code MODEL_TIME_LIMIT_IN_MS}, all with defaults: bundles built against 0.1.0 keep working.
 */
@Export
@Version("0.2.0")
package dev.backlot.spi.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
