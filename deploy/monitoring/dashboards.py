#!/usr/bin/env python3
# Generates the Grafana dashboards in deploy/monitoring/grafana-dashboards/ (python3 deploy/monitoring/dashboards.py,
# run from deploy/monitoring). Edit the panels here, regenerate, and commit both; deploy/checks validates the JSON.
import json
NS='namespace=~"$namespace"'
def ds(): return {"type":"prometheus","uid":"${datasource}"}
def var_ds(): return {"name":"datasource","label":"Prometheus","type":"datasource","query":"prometheus","current":{},"hide":0,"refresh":1}
def var_q(name,label,query,multi=True):
    return {"name":name,"label":label,"type":"query","datasource":ds(),"query":{"query":query,"refId":name},"definition":query,
            "refresh":2,"includeAll":True,"multi":multi,"allValue":".*","current":{"selected":True,"text":["All"],"value":["$__all"]},"sort":1,"hide":0}
class D:
    def __init__(s,uid,title,tags,desc):
        s.d={"uid":uid,"title":title,"tags":tags,"description":desc,"editable":True,"schemaVersion":39,"version":1,"timezone":"browser",
             "time":{"from":"now-6h","to":"now"},"refresh":"30s","graphTooltip":1,"templating":{"list":[]},"panels":[],
             "annotations":{"list":[]},"links":[{"title":"PMS Bridge dashboards","type":"dashboards","tags":["pms-bridge"],"asDropdown":True}]}
        s.id=1; s.x=0; s.y=0
    def var(s,v): s.d["templating"]["list"].append(v)
    def row(s,title):
        if s.x: s.x=0; s.y+=8
        s.d["panels"].append({"id":s.id,"type":"row","title":title,"collapsed":False,"gridPos":{"h":1,"w":24,"x":0,"y":s.y},"panels":[]})
        s.id+=1; s.y+=1
    def panel(s,title,desc,targets,kind="timeseries",unit="short",w=12,h=8,extra=None):
        if s.x+w>24: s.x=0; s.y+=h
        p={"id":s.id,"type":kind,"title":title,"description":desc,"datasource":ds(),"gridPos":{"h":h,"w":w,"x":s.x,"y":s.y},
           "fieldConfig":{"defaults":{"unit":unit},"overrides":[]},"options":{},
           "targets":[{"refId":chr(65+i),"datasource":ds(),"expr":e,"legendFormat":l} for i,(e,l) in enumerate(targets)]}
        if kind=="timeseries": p["options"]={"legend":{"displayMode":"table","placement":"bottom","calcs":["lastNotNull","max"]},"tooltip":{"mode":"multi"}}
        if extra: extra(p)
        s.d["panels"].append(p); s.id+=1; s.x+=w
        if s.x>=24: s.x=0; s.y+=h
    def save(s,path): json.dump(s.d,open(path,"w"),indent=2); open(path,'a').write('\n')

def status_map(p):
    p["fieldConfig"]["defaults"]["mappings"]=[{"type":"value","options":{"0":{"text":"Connected","color":"green"},"1":{"text":"Degraded","color":"orange"},"2":{"text":"Disconnected","color":"red"}}}]
    p["fieldConfig"]["defaults"]["color"]={"mode":"thresholds"}
    p["fieldConfig"]["defaults"]["thresholds"]={"mode":"absolute","steps":[{"color":"green","value":None},{"color":"orange","value":1},{"color":"red","value":2}]}
    p["options"]={"colorMode":"background","graphMode":"none","textMode":"value_and_name","reduceOptions":{"calcs":["lastNotNull"]}}

# ---------- Sync health
d=D("pms-sync-health","PMS Bridge / Sync health",["pms-bridge","sync"],"Is every PMS connection in sync? Freshness, intake, projection, conflicts, dead letters, lag. Runbooks: docs/runbooks.md")
d.var(var_ds())
d.var(var_q("namespace","Namespace","label_values(pms_connector_connection_status, namespace)"))
d.var(var_q("org","Organisation",'label_values(pms_connector_connection_status{namespace=~"$namespace"}, org)'))
d.var(var_q("connection","Connection",'label_values(pms_connector_connection_status{namespace=~"$namespace", org=~"$org"}, connection)'))
C=f'{NS}, org=~"$org", connection=~"$connection"'
CC=f'{NS}, connection=~"$connection"'
d.row("Connections")
d.panel("Connection status","0 connected, 1 degraded (PMS errors), 2 disconnected (credentials refused: reauthorize)",
        [(f'max by (connection) (pms_connector_connection_status{{{C}}})',"{{connection}}")],kind="stat",w=24,h=5,extra=status_map)
d.panel("Seconds since last successful sync","Time since the PMS last answered a poll, Sync or fetch; alert above 3 × poll interval",
        [(f'max by (connection) (pms_connector_last_success_age_seconds{{{C}}})',"{{connection}}"),
         (f'3 * max by (connection) (pms_connector_poll_interval_seconds{{{C}}})',"{{connection}} alert threshold")],unit="s")
d.panel("PMS event → state latency","Freshness: from the change's time in the PMS to its state in the hub (p50, p99 per connection)",
        [(f'histogram_quantile(0.99, sum by (connection, le) (rate(pms_sync_freshness_seconds_bucket{{{CC}}}[$__rate_interval])))',"p99 {{connection}}"),
         (f'histogram_quantile(0.5, sum by (connection, le) (rate(pms_sync_freshness_seconds_bucket{{{CC}}}[$__rate_interval])))',"p50 {{connection}}")],unit="s")
d.row("Intake")
d.panel("Webhooks in","Webhooks answered 202, by outcome (accepted, duplicate, ignored)",
        [(f'sum by (connection, outcome) (rate(pms_connector_webhooks_received_total{{{CC}}}[$__rate_interval]))',"{{connection}} {{outcome}}")],unit="reqps")
d.panel("Webhooks rejected by reason","Refused webhooks: bad signature, stale timestamp, malformed body, unknown connection",
        [(f'sum by (connection, reason) (rate(pms_connector_webhooks_rejected_total{{{CC}}}[$__rate_interval]))',"{{connection}} {{reason}}")],unit="reqps")
d.panel("Change events emitted","Change events the connector published (Kafka acknowledged), by entity",
        [(f'sum by (entity) (rate(pms_connector_events_emitted_total{{{NS}}}[$__rate_interval]))',"{{entity}}")],unit="ops")
d.panel("PMS API latency and rate limiting","p99 of PMS API calls and 429 answers per connection",
        [(f'histogram_quantile(0.99, sum by (connection, le) (rate(pms_connector_pms_request_seconds_bucket{{{CC}}}[$__rate_interval])))',"p99 {{connection}}"),
         (f'sum by (connection) (rate(pms_connector_pms_rate_limited_total{{{CC}}}[$__rate_interval]))',"429/s {{connection}}")],unit="s")
d.row("Projection")
d.panel("Events applied","Change events applied to state, by entity and operation",
        [(f'sum by (entity, op) (rate(pms_sync_events_total{{{NS}, outcome="applied"}}[$__rate_interval]))',"{{entity}} {{op}}")],unit="ops")
d.panel("Stale and duplicate events","Events older than the state (ignored) and events seen before (deduplicated)",
        [(f'sum by (entity, outcome) (rate(pms_sync_events_total{{{NS}, outcome=~"stale|duplicate"}}[$__rate_interval]))',"{{entity}} {{outcome}}")],unit="ops")
d.panel("Conflicts","Conflict records by entity and rule (pms-wins, hub-wins, latest-wins, writeback-rejected)",
        [(f'sum by (entity, rule) (increase(pms_sync_conflicts_total{{{NS}}}[$__rate_interval]))',"{{entity}} {{rule}}")])
d.panel("Dead letters","Inputs sent to pms.dlq.v1 in the last hour, by service and stage",
        [(f'sum by (connection, stage) (increase(pms_connector_dead_letters_total{{{CC}}}[1h]))',"connector {{connection}} {{stage}}"),
         (f'sum by (stage) (increase(pms_sync_dead_letters_total{{{NS}}}[1h]))',"sync {{stage}}")])
d.panel("Consumer lag per group","Records behind, per consumer group and topic (Strimzi Kafka Exporter)",
        [(f'sum by (consumergroup, topic) (kafka_consumergroup_lag{{{NS}, topic=~"pms\\\\..*"}})',"{{consumergroup}} {{topic}}")])
d.panel("Consumer lag per service","Largest partition lag seen by each service's consumers (client metric)",
        [(f'max by (job, client_id) (kafka_consumer_fetch_manager_records_lag_max{{{NS}}})',"{{job}} {{client_id}}")])
d.row("Drift and replay")
d.panel("Drift found by the latest reconciliation","Records missing in the hub, missing in the PMS, or with differing fields, per connection (docs/sync-service.md#reconciliation)",
        [(f'sum by (connection, kind) (pms_sync_drift_records{{{C}}})',"{{connection}} {{kind}}")],kind="bargauge")
d.panel("Rebuild progress","Share of the running rebuild's events replayed (1 = no rebuild running)",
        [(f'min(pms_sync_replay_progress_ratio{{{NS}}})',"progress")],kind="stat",unit="percentunit")
d.save("grafana-dashboards/sync-health.json")

# ---------- Integration queue
d=D("pms-integration-queue","PMS Bridge / Integration queue",["pms-bridge","queue"],"What waits for an operator, how old it is, and what gets applied, skipped or fails.")
d.var(var_ds())
d.var(var_q("namespace","Namespace","label_values(pms_queue_pending_items, namespace)"))
d.var(var_q("org","Organisation",'label_values(pms_queue_pending_items{namespace=~"$namespace"}, org)'))
d.var(var_q("connection","Connection",'label_values(pms_connector_connection_status{namespace=~"$namespace", org=~"$org"}, connection)'))
O=f'{NS}, org=~"$org"'
d.row("Waiting")
d.panel("Oldest pending item","Age of the oldest pending item (alert above one day)",
        [(f'max(pms_queue_oldest_pending_age_seconds{{{O}}})',"oldest")],kind="stat",unit="s",w=6,
        extra=lambda p: p["fieldConfig"]["defaults"].update({"thresholds":{"mode":"absolute","steps":[{"color":"green","value":None},{"color":"orange","value":3600},{"color":"red","value":86400}]}}))
d.panel("Pending items","All pending items",[(f'sum(pms_queue_pending_items{{{O}}})',"pending")],kind="stat",w=6)
d.panel("Auto-apply share","Share of applies done by auto-apply settings",
        [(f'sum(rate(pms_queue_items_applied_total{{{NS}, automated="true"}}[$__rate_interval])) / sum(rate(pms_queue_items_applied_total{{{NS}}}[$__rate_interval]))',"automated")],kind="stat",unit="percentunit",w=12)
d.panel("Pending by type","Pending items per action type",[(f'sum by (type) (pms_queue_pending_items{{{O}}})',"{{type}}")])
d.panel("Pending by age","Pending items per age band",[(f'sum by (age) (pms_queue_pending_items{{{O}}})',"{{age}}")])
d.panel("Oldest pending item per org","Age of the oldest pending item, per organisation",[(f'max by (org) (pms_queue_oldest_pending_age_seconds{{{O}}})',"{{org}}")],unit="s")
d.row("Decisions")
d.panel("Apply, skip and fail rates","Decisions per second",
        [(f'sum(rate(pms_queue_items_applied_total{{{NS}}}[$__rate_interval]))',"applied"),
         (f'sum(rate(pms_queue_items_skipped_total{{{NS}}}[$__rate_interval]))',"skipped"),
         (f'sum(rate(pms_queue_items_failed_total{{{NS}}}[$__rate_interval]))',"failed")],unit="ops")
d.panel("Items created and superseded by type","New items and items replaced by newer ones",
        [(f'sum by (type) (rate(pms_queue_items_created_total{{{NS}}}[$__rate_interval]))',"created {{type}}"),
         (f'sum by (type) (rate(pms_queue_items_superseded_total{{{NS}}}[$__rate_interval]))',"superseded {{type}}")],unit="ops")
d.panel("Apply latency","From item creation to its effect being published (p50, p99)",
        [(f'histogram_quantile(0.99, sum by (le) (rate(pms_queue_apply_latency_seconds_bucket{{{NS}}}[$__rate_interval])))',"p99"),
         (f'histogram_quantile(0.5, sum by (le) (rate(pms_queue_apply_latency_seconds_bucket{{{NS}}}[$__rate_interval])))',"p50")],unit="s")
d.panel("Write-back outcomes","Write-backs to the PMS by type and status",
        [(f'sum by (type, status) (rate(pms_connector_writeback_total{{{NS}, connection=~"$connection"}}[$__rate_interval]))',"{{type}} {{status}}")],unit="ops")
d.save("grafana-dashboards/integration-queue.json")

# ---------- Service runtime
d=D("pms-service-runtime","PMS Bridge / Service runtime",["pms-bridge","runtime"],"HTTP, JVM and Kafka client health of the four services.")
d.var(var_ds())
d.var(var_q("namespace","Namespace","label_values(jvm_memory_used_bytes, namespace)"))
d.var(var_q("service","Service",'label_values(jvm_memory_used_bytes{namespace=~"$namespace"}, job)'))
d.var(var_q("org","Organisation",'label_values(pms_connector_connection_status{namespace=~"$namespace"}, org)'))
d.var(var_q("connection","Connection",'label_values(pms_connector_connection_status{namespace=~"$namespace", org=~"$org"}, connection)'))
S=f'{NS}, job=~"$service"'
d.row("HTTP")
d.panel("Request rate by status","Requests per second per service and status",
        [(f'sum by (job, status) (rate(http_server_requests_seconds_count{{{S}}}[$__rate_interval]))',"{{job}} {{status}}")],unit="reqps",w=8)
d.panel("Latency p99","99th percentile of request duration per service",
        [(f'histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket{{{S}}}[$__rate_interval])))',"{{job}}")],unit="s",w=8)
d.panel("Server errors","Share of 5xx answers per service",
        [(f'sum by (job) (rate(http_server_requests_seconds_count{{{S}, status=~"5.."}}[$__rate_interval])) / sum by (job) (rate(http_server_requests_seconds_count{{{S}}}[$__rate_interval]))',"{{job}}")],unit="percentunit",w=8)
d.row("JVM")
d.panel("Heap used","JVM heap in use per pod",
        [(f'sum by (job, pod) (jvm_memory_used_bytes{{{S}, area="heap"}})',"{{job}} {{pod}}")],unit="bytes",w=8)
d.panel("GC pause time","Seconds per second spent in GC pauses",
        [(f'sum by (job) (rate(jvm_gc_pause_seconds_sum{{{S}}}[$__rate_interval]))',"{{job}}")],unit="s",w=8)
d.panel("CPU","Process CPU usage per pod",
        [(f'max by (job, pod) (process_cpu_usage{{{S}}})',"{{job}} {{pod}}")],unit="percentunit",w=8)
d.row("Kafka clients")
d.panel("Producer errors","Records that failed to send, per producer",
        [(f'sum by (job, client_id) (rate(kafka_producer_record_error_total{{{S}}}[$__rate_interval]))',"{{job}} {{client_id}}")],unit="ops")
d.panel("Producer retries","Records retried, per producer",
        [(f'sum by (job, client_id) (rate(kafka_producer_record_retry_total{{{S}}}[$__rate_interval]))',"{{job}} {{client_id}}")],unit="ops")
d.save("grafana-dashboards/service-runtime.json")
